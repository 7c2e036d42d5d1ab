// A second organization for the tests of organizations: healthy (each recharge fires once the
// earlier credit is spent), so any critical alert on it comes from rows that are not its own.
import type { DemoAccount } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import type { PageKind } from '../../lib/dashboard/pages/kinds';

export const ACME_ACCOUNT: DemoAccount = {
  organization: 'Acme Research',
  invoicePrefix: '0FCE475C',
  taxBasisPoints: 2000,
  autoRecharge: { thresholdCents: 500, targetCents: 1500 },
  usage: { totalSpendCents: 2200, from: '2026-11-01', to: '2026-11-30' },
  today: '2026-11-27',
  purchases: [
    { paidAt: '2026-09-02T08:15', amountCents: 1000, usedCents: 1000 },
    { paidAt: '2026-10-05T17:40', amountCents: 1000, usedCents: 1000 },
    { paidAt: '2026-11-10T12:05', amountCents: 1000, usedCents: 200 },
  ],
};

/** A saved page whose organization switcher a person can read, but no label names: visible text only. */
export function visibleSwitcherPage(kind: PageKind, account: DemoAccount): string {
  return savedPage(kind, account).replace(/ aria-label="Organization: [^"]*"/, '');
}

/** A saved page with no organization switcher at all. */
export function unnamedPage(kind: PageKind, account: DemoAccount): string {
  return savedPage(kind, account).replace(/<button class="org"[^>]*>[^<]*<\/button>/, '');
}
