// The audit of saved files: pages and ledger exports in, one organization's report out.
// No Node APIs here: the caller reads the files and supplies an HTML parser.
import { kindOfSavedPage, pageUrl, readSavedPages, type SavedPage } from '../dashboard/pages';
import type { Snapshot } from '../dashboard/snapshot';
import { buildReport, type Source } from '../analysis/report';
import { nextSecond, seenFromContent, TIME_NOT_SHOWN } from '../analysis/seen-at';
import type { Settings } from '../analysis/settings';
import { mergeSnapshot, joinLedgers } from '../ledger/merge';
import { emptyLedger, emptyOrg, type Ledger } from '../ledger/schema';
import { importLedger, looksLikeLedger } from '../ledger/transfer';
import type { Report } from '../report-schema';

export interface InputFile {
  name: string;
  text: string;
}

export type AuditResult = { ok: true; report: Report; ledger: Ledger } | { ok: false; error: string };

function isJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** What one file gave: a page read (with when it is proven seen), or an imported ledger. */
type Read = { file: string; snapshot: Snapshot } | { file: string; ledger: Ledger; rows: number };

/** The pages and exports merged, unnamed pages folded into the one named organization. */
function merged(reads: readonly Read[]): { ledger: Ledger; key: string } | { error: string } {
  let ledger = emptyLedger();
  for (const r of reads) {
    if ('ledger' in r) ledger = joinLedgers(ledger, r.ledger);
    else if (r.snapshot.understood) ledger = mergeSnapshot(ledger, r.snapshot);
  }
  // Pages whose organization could not be read belong to the one named organization, if one.
  const named = Object.keys(ledger.organizations).filter((k) => k !== '');
  if (named.length > 1) return { error: `The files belong to several organizations (${named.join(', ')}): audit one organization at a time.` };
  const key = named[0] ?? '';
  const unnamed = ledger.organizations[''];
  if (unnamed && key !== '') {
    const { ['']: _unnamed, ...rest } = ledger.organizations;
    ledger = joinLedgers({ ...ledger, organizations: rest }, { ...emptyLedger(), organizations: { [key]: { ...unnamed, organization: ledger.organizations[key]!.organization } } });
  }
  return { ledger, key };
}

export interface AuditOptions {
  /** The browser locale the pages were saved in (`--locale`); without it, worked out from their dates. */
  locale?: string;
}

export function auditFiles(files: InputFile[], parseHtml: (html: string) => Document, settings: Settings, today: string, options: AuditOptions = {}): AuditResult {
  const reads: Read[] = [];
  // Pages are read together, after all are parsed: one page's dates can settle another's locale.
  const pages: (SavedPage & { file: string; slot: number })[] = [];
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
      const imported = importLedger(emptyLedger(), file.text);
      if (!imported.ok) return { ok: false, error: `${file.name}: ${imported.reason}` };
      const rows = Object.values(imported.ledger.organizations).reduce((n, o) => n + o.grants.length + o.invoices.length, 0);
      for (const o of Object.values(imported.ledger.organizations)) for (const g of o.grants) for (const obs of g.remaining) taken.add(obs[1]).add(obs[2]);
      reads.push({ file: file.name, ledger: imported.ledger, rows });
      continue;
    }
    if (!/<(html|body|table|div)\b/i.test(file.text.slice(0, 200_000))) return { ok: false, error: `${file.name}: not a saved page (no HTML) and not a ledger export.` };
    const doc = parseHtml(file.text);
    const { kind, url } = kindOfSavedPage(file.text, doc);
    if (!kind) return { ok: false, error: `${file.name}: not a billing page (no credit grants, invoices, usage or balance found).` };
    pages.push({ doc, kind, url: url ?? pageUrl(kind), seenAt: TIME_NOT_SHOWN, file: file.name, slot: reads.length });
    reads.push({ file: file.name, snapshot: null as unknown as Snapshot });
  }
  readSavedPages(pages, options.locale).forEach((snapshot, k) => {
    const seen = seenFromContent(snapshot);
    reads[pages[k]!.slot] = { file: pages[k]!.file, snapshot: { ...snapshot, seenAt: snapshot.grants.length ? ownTime(seen) : seen } };
  });

  const m = merged(reads);
  if ('error' in m) return { ok: false, error: m.error };
  const { ledger, key } = m;

  const sources: Source[] = reads.map((r) =>
    'ledger' in r
      ? { page: 'ledger', file: r.file, rows: r.rows, warnings: [], locale: null, seenAt: null }
      : {
          page: r.snapshot.page,
          file: r.file,
          rows: r.snapshot.grants.length + r.snapshot.invoices.length,
          warnings: r.snapshot.warnings,
          locale: r.snapshot.locale ?? null,
          seenAt: r.snapshot.seenAt === TIME_NOT_SHOWN ? null : r.snapshot.seenAt,
        },
  );
  const org = ledger.organizations[key] ?? emptyOrg(null);
  if (org.grants.length === 0 && org.invoices.length === 0 && !org.overview && !org.usage) {
    const why = sources.flatMap((src) => src.warnings.map((w) => `${src.file}: ${w}`))[0];
    return { ok: false, error: `No billing data found in the files given${why ? ` (${why})` : '.'}` };
  }
  const warnings = sources.flatMap((s) => s.warnings.map((w) => (s.file ? `${s.file}: ${w}` : w)));
  const report = buildReport(org, { settings, today, sources, warnings });
  return { ok: true, report, ledger };
}
