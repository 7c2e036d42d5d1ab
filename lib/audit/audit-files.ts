// The audit of saved files: pages and ledger exports in, one organization's report out.
// No Node APIs here: the caller reads the files and supplies an HTML parser.
import { kindOfSavedPage, pageUrl } from '../dashboard/pages';
import { readSavedPages, type SavedPage } from '../dashboard/pages/saved-pages';
import { buildReport, type Source } from '../analysis/report';
import { nextSecond, seenFromContent, TIME_NOT_SHOWN } from '../analysis/seen-at';
import type { Settings } from '../analysis/settings';
import { joinOrgs, mergeSnapshotPlaced, settleHeld } from '../ledger/merge';
import { emptyLedger, emptyOrg, type Ledger, type OrgLedger } from '../ledger/schema';
import { importLedger, looksLikeLedger } from '../ledger/transfer';
import type { Report } from '../report-schema';
import { wallClockNow } from '../wall-clock';

export interface InputFile {
  name: string;
  text: string;
}

export type AuditResult = { ok: true; report: Report; ledger: Ledger } | { ok: false; error: string };

export interface AuditOptions {
  /** The browser locale the pages were saved in (`--locale`); without it, worked out from their dates. */
  locale?: string;
}

function isJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

export function auditFiles(files: InputFile[], parseHtml: (html: string) => Document, settings: Settings, today: string, options: AuditOptions = {}): AuditResult {
  let ledger = emptyLedger();
  // One source per file, in the order given; a page's is filled in once all pages are read.
  const sources: Source[] = [];
  // Pages are read together, after all are parsed: one page's dates can settle another's locale.
  const pages: (SavedPage & { file: string; slot: number })[] = [];
  /** Files whose rows were held (by held id): they are named in the report's warnings. */
  const heldFrom: { file: string; id: string }[] = [];
  // Each saved page with grants gets a time of its own (a second later when another file has
  // it), so the grants seen at one time are one page's: the analysis proves each page's time from
  // the purchases of the grants it showed (analysis/seen-at.ts).
  const taken = new Set<string>();
  const ownTime = (at: string) => {
    let t = at;
    while (taken.has(t)) t = nextSecond(t);
    taken.add(t);
    return t;
  };
  for (const file of files) {
    if (isJson(file.text)) {
      let raw: unknown;
      try {
        raw = JSON.parse(file.text);
      } catch {
        return { ok: false, error: `${file.name}: not valid JSON, and not a saved page.` };
      }
      if (!looksLikeLedger(raw)) return { ok: false, error: `${file.name}: a JSON file that is not a Credit Lens data export.` };
      // Nothing in an export can have been seen after now (`today` may be set earlier, for reproducible output).
      const imported = importLedger(ledger, file.text, [today, wallClockNow().slice(0, 10)].sort()[1]!);
      if (!imported.ok) return { ok: false, error: `${file.name}: ${imported.reason}` };
      ledger = imported.ledger;
      for (const o of [...Object.values(ledger.organizations), ...ledger.held.map((h) => h.org)]) {
        for (const g of o.grants) for (const obs of g.remaining) taken.add(obs[1]).add(obs[2]);
      }
      sources.push({ page: 'ledger', file: file.name, rows: imported.preview.rows, warnings: [], locale: null, seenAt: null });
      heldFrom.push(...imported.preview.held.map((h) => ({ file: file.name, id: h.id })));
      continue;
    }
    if (!/<(html|body|table|div)\b/i.test(file.text.slice(0, 200_000))) return { ok: false, error: `${file.name}: not a saved page (no HTML) and not a ledger export.` };
    const doc = parseHtml(file.text);
    const { kind, url } = kindOfSavedPage(file.text, doc);
    if (!kind) return { ok: false, error: `${file.name}: not a billing page (no credit grants, invoices, usage or balance found).` };
    pages.push({ doc, kind, url: url ?? pageUrl(kind), seenAt: TIME_NOT_SHOWN, file: file.name, slot: sources.length });
    sources.push({ page: kind, file: file.name, rows: 0, warnings: [], locale: null, seenAt: null });
  }
  const reads = readSavedPages(pages, options.locale).map((read, k) => ({ read, page: pages[k]!, seen: seenFromContent(read) }));
  // A file's modification time is no evidence: a page is dated by what it shows. Two pages that
  // prove the same time are told apart by their balances, which only fall: the one holding less
  // credit was read no earlier, so it gets the later time, whatever order the files came in.
  const remaining = (r: (typeof reads)[number]) => r.read.grants.reduce((sum, g) => sum + g.remainingCents, 0);
  const timed = [...reads].sort((a, b) => (a.seen < b.seen ? -1 : a.seen > b.seen ? 1 : remaining(b) - remaining(a)));
  for (const { read, page, seen } of timed) {
    const { file, slot } = page;
    const snapshot = { ...read, seenAt: read.grants.length ? ownTime(seen) : seen };
    sources[slot] = {
      page: snapshot.page,
      file,
      rows: snapshot.grants.length + snapshot.invoices.length,
      warnings: snapshot.warnings,
      locale: snapshot.locale ?? null,
      seenAt: snapshot.seenAt === TIME_NOT_SHOWN ? null : snapshot.seenAt,
    };
    if (!snapshot.understood) continue;
    const merged = mergeSnapshotPlaced(ledger, snapshot);
    ledger = merged.ledger;
    if (merged.heldId) heldFrom.push({ file, id: merged.heldId });
  }
  // Organizations, per file, as in the extension: a page that names none is held, never folded
  // into a named one; once every file is in, a clue may tie a held page to one (an invoice prefix).
  ledger = settleHeld(ledger);
  const named = Object.keys(ledger.organizations);
  if (named.length > 1) {
    return { ok: false, error: `The files belong to several organizations (${named.join(', ')}): audit one organization at a time.` };
  }
  let org: OrgLedger;
  if (named.length === 1) {
    org = ledger.organizations[named[0]!]!;
    const reasons = new Map(ledger.held.map((h) => [h.id, h.reason]));
    for (const { file, id } of heldFrom) {
      const reason = reasons.get(id);
      if (reason) sources.find((x) => x.file === file)?.warnings.push(`${reason} It was left out of this report.`);
    }
  } else {
    // No file names an organization: nothing to confuse them with, unless they show two customers.
    const prefixes = [...new Set(ledger.held.flatMap((h) => h.org.invoicePrefixes))];
    if (prefixes.length > 1) return { ok: false, error: `The files belong to several organizations (invoice numbers start ${prefixes.join(', ')}): audit one organization at a time.` };
    org = ledger.held.reduce((a, h) => joinOrgs(a, h.org), emptyOrg(null));
  }
  if (org.grants.length === 0 && org.invoices.length === 0 && !org.overview && !org.usage) {
    const why = sources.flatMap((src) => src.warnings.map((w) => `${src.file}: ${w}`))[0];
    return { ok: false, error: `No billing data found in the files given${why ? ` (${why})` : '.'}` };
  }
  const warnings = sources.flatMap((s) => s.warnings.map((w) => (s.file ? `${s.file}: ${w}` : w)));
  const report = buildReport(org, { settings, today, sources, warnings });
  return { ok: true, report, ledger };
}
