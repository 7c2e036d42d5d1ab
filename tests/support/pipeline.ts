// The whole chain on a demo account: render its saved pages, read them, merge, report.
import type { RenderOptions } from '../../demo/pages';
import type { DemoAccount } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { buildReport } from '../../lib/analysis/report';
import type { Settings } from '../../lib/analysis/settings';
import { readPage, pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { mergeSnapshot } from '../../lib/ledger/merge';
import { emptyLedger, emptyOrg, type Ledger } from '../../lib/ledger/schema';
import type { Report } from '../../lib/report-schema';
import { linkedDocument } from './read-dom';

export const ALL_PAGES: PageKind[] = ['credit-grants', 'billing-history', 'overview', 'usage'];

/** Change a saved page before it is read (to show what the demo does not render). */
export type Edit = (html: string, kind: PageKind) => string;

export function ledgerOf(account: DemoAccount, pages: PageKind[] = ALL_PAGES, options: RenderOptions = {}, seenAt = `${account.today}T10:00:00`, edit: Edit = (h) => h): Ledger {
  return pages.reduce(
    (ledger, kind) => mergeSnapshot(ledger, readPage(linkedDocument(edit(savedPage(kind, account, options), kind)), kind, pageUrl(kind), seenAt)),
    emptyLedger(),
  );
}

export function reportOf(account: DemoAccount, pages: PageKind[] = ALL_PAGES, settings?: Settings, edit?: Edit): Report {
  const ledger = ledgerOf(account, pages, {}, undefined, edit);
  const org = ledger.organizations[account.organization] ?? emptyOrg(account.organization);
  return buildReport(org, { today: account.today, settings });
}
