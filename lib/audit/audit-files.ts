// The audit of saved files: pages and ledger exports in, one organization's report out.
// No Node APIs here: the caller reads the files and supplies an HTML parser.
import { kindOfSavedPage, pageUrl, readSavedPages, type SavedPage } from '../dashboard/pages';
import { buildReport, type Source } from '../analysis/report';
import type { Settings } from '../analysis/settings';
import { mergeSnapshot, joinLedgers } from '../ledger/merge';
import { emptyLedger, emptyOrg, type Ledger } from '../ledger/schema';
import { importLedger, looksLikeLedger } from '../ledger/transfer';
import type { Report } from '../report-schema';

export interface InputFile {
  name: string;
  text: string;
  /** When the file was saved, wall clock YYYY-MM-DDTHH:mm:ss: when its page was seen. */
  savedAt: string;
}

export type AuditResult = { ok: true; report: Report; ledger: Ledger } | { ok: false; error: string };

function isJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

export interface AuditOptions {
  /** The browser locale the pages were saved in (`--locale`); without it, worked out from their dates. */
  locale?: string;
}

export function auditFiles(files: InputFile[], parseHtml: (html: string) => Document, settings: Settings, today: string, options: AuditOptions = {}): AuditResult {
  let ledger = emptyLedger();
  const sources: Source[] = [];
  // Pages are read together, after all are parsed: one page's dates can settle another's locale.
  const pages: (SavedPage & { source: number })[] = [];
  for (const file of files) {
    if (isJson(file.text)) {
      let raw: unknown;
      try {
        raw = JSON.parse(file.text);
      } catch {
        return { ok: false, error: `${file.name}: not valid JSON, and not a saved page.` };
      }
      if (!looksLikeLedger(raw)) return { ok: false, error: `${file.name}: a JSON file that is not a Credit Lens data export.` };
      const imported = importLedger(ledger, file.text);
      if (!imported.ok) return { ok: false, error: `${file.name}: ${imported.reason}` };
      ledger = imported.ledger;
      const counts = Object.values(imported.ledger.organizations).reduce((n, o) => n + o.grants.length + o.invoices.length, 0);
      sources.push({ page: 'ledger', file: file.name, rows: counts, warnings: [], locale: null, seenAt: null });
      continue;
    }
    if (!/<(html|body|table|div)\b/i.test(file.text.slice(0, 200_000))) return { ok: false, error: `${file.name}: not a saved page (no HTML) and not a ledger export.` };
    const doc = parseHtml(file.text);
    const { kind, url } = kindOfSavedPage(file.text, doc);
    if (!kind) return { ok: false, error: `${file.name}: not a billing page (no credit grants, invoices, usage or balance found).` };
    pages.push({ doc, kind, url: url ?? pageUrl(kind), seenAt: file.savedAt, source: sources.length });
    sources.push({ page: kind, file: file.name, rows: 0, warnings: [], locale: null, seenAt: file.savedAt });
  }
  readSavedPages(pages, options.locale).forEach((snapshot, k) => {
    Object.assign(sources[pages[k]!.source]!, { rows: snapshot.grants.length + snapshot.invoices.length, warnings: snapshot.warnings, locale: snapshot.locale ?? null });
    if (snapshot.understood) ledger = mergeSnapshot(ledger, snapshot);
  });
  // Pages whose organization could not be read belong to the one named organization, if one.
  const named = Object.keys(ledger.organizations).filter((k) => k !== '');
  if (named.length > 1) {
    return { ok: false, error: `The files belong to several organizations (${named.join(', ')}): audit one organization at a time.` };
  }
  const key = named[0] ?? '';
  const unnamed = ledger.organizations[''];
  if (unnamed && key !== '') {
    const { ['']: _unnamed, ...rest } = ledger.organizations;
    ledger = joinLedgers({ ...ledger, organizations: rest }, { ...emptyLedger(), organizations: { [key]: { ...unnamed, organization: ledger.organizations[key]!.organization } } });
  }
  const org = ledger.organizations[key] ?? emptyOrg(null);
  if (org.grants.length === 0 && org.invoices.length === 0 && !org.overview && !org.usage) {
    const why = sources.flatMap((src) => src.warnings.map((w) => `${src.file}: ${w}`))[0];
    return { ok: false, error: `No billing data found in the files given${why ? ` (${why})` : '.'}` };
  }
  const warnings = sources.flatMap((s) => s.warnings.map((w) => (s.file ? `${s.file}: ${w}` : w)));
  const report = buildReport(org, { settings, today, sources, warnings });
  return { ok: true, report, ledger };
}
