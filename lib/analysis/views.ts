// The ledger's latest word on each grant and invoice: what the analysis works from.
import type { GrantState, InvoiceStatus } from '../dashboard/snapshot';
import type { LedgerGrant, LedgerInvoice, OrgLedger } from '../ledger/schema';

export interface GrantView {
  id: string;
  displayedDate: string;
  amountCents: number;
  currency: string;
  /** The most recent remaining balance (the smallest at that time, if two were seen at once). */
  remainingCents: number;
  /** When that balance was last seen: it is a lower bound of the balance at any earlier time. */
  remainingSeenAt: string;
  state: GrantState;
  expiresOn: string | null;
}

export interface InvoiceView {
  number: string;
  totalCents: number;
  currency: string;
  createdAt: string;
  status: InvoiceStatus;
  url: string | null;
}

function latestRemaining(g: LedgerGrant): [number, string] {
  let best = g.remaining[0]!;
  for (const o of g.remaining) {
    if (o[2] > best[2] || (o[2] === best[2] && o[0] < best[0])) best = o;
  }
  return [best[0], best[2]];
}

function latestStatus(i: LedgerInvoice): InvoiceStatus {
  let best = i.statuses[0]!;
  for (const s of i.statuses) if (s[3] > best[3]) best = s;
  return best[0];
}

export function grantViews(org: OrgLedger, today: string): GrantView[] {
  return org.grants.map((g) => {
    const [remainingCents, remainingSeenAt] = latestRemaining(g);
    // A grant past its expiry date is expired even if the page has not said so yet.
    const expired = g.state === 'expired' || (g.expiresOn !== null && g.expiresOn < today);
    return {
      id: g.id,
      displayedDate: g.displayedDate,
      amountCents: g.amountCents,
      currency: g.currency,
      remainingCents,
      remainingSeenAt,
      state: expired ? 'expired' : g.state,
      expiresOn: g.expiresOn,
    };
  });
}

export function invoiceViews(org: OrgLedger): InvoiceView[] {
  return org.invoices.map((i) => ({ number: i.number, totalCents: i.totalCents, currency: i.currency, createdAt: i.createdAt, status: latestStatus(i), url: i.url }));
}
