// What each invoice row adds to the money totals: paid (net of refunds), the tax inside it, and
// money returned. A charge adds its total; a refunded invoice adds nothing paid and its total
// returned; a negative row is a refund: it is taken off what was paid, unless it is the refund
// row of an invoice already marked refunded (then it would count twice). Failed, void, open and
// unrecognised rows took no money. Tax inside a charge is exact when it bought grants, else
// estimated at the rate of its own period, rounded once per invoice.
import type { TaxTimeline } from './tax-periods';
import { isCharge, isRefundRow } from './charges';
import type { InvoiceView } from './views';

export interface PaidRow {
  paidCents: number;
  taxCents: number;
  refundedCents: number;
}

const NONE: PaidRow = { paidCents: 0, taxCents: 0, refundedCents: 0 };

function taxInside(total: number, rate: number | null): number {
  return rate === null ? 0 : total - Math.round(total / (1 + rate));
}

export function paidRows(invoices: readonly InvoiceView[], accountCurrency: string, tax: TaxTimeline, creditBought: ReadonlyMap<string, number>): Map<string, PaidRow> {
  const rows = new Map<string, PaidRow>();
  // Refunded invoices waiting for their refund row, by amount, oldest first.
  const refunded = new Map<number, InvoiceView[]>();
  const ordered = [...invoices].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.number < b.number ? -1 : 1));
  for (const inv of ordered) {
    if (isCharge(inv, accountCurrency)) {
      const credit = creditBought.get(inv.number);
      rows.set(inv.number, { paidCents: inv.totalCents, taxCents: credit !== undefined ? inv.totalCents - credit : taxInside(inv.totalCents, tax.rateAt(inv.createdAt)), refundedCents: 0 });
    } else if (inv.status === 'refunded' && inv.totalCents > 0 && inv.currency === accountCurrency) {
      rows.set(inv.number, { paidCents: 0, taxCents: 0, refundedCents: inv.totalCents });
      refunded.set(inv.totalCents, [...(refunded.get(inv.totalCents) ?? []), inv]);
    } else if (isRefundRow(inv, accountCurrency)) {
      const waiting = refunded.get(-inv.totalCents);
      if (waiting?.length) {
        waiting.shift();
        rows.set(inv.number, NONE);
      } else {
        rows.set(inv.number, { paidCents: inv.totalCents, taxCents: -taxInside(-inv.totalCents, tax.rateAt(inv.createdAt)), refundedCents: -inv.totalCents });
      }
    } else {
      rows.set(inv.number, NONE);
    }
  }
  return rows;
}
