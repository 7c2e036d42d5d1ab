// Which invoice bought which grant. Dates cannot be joined (grants show a back-dated day), but
// an invoice total is the grant plus tax at the account's one rate, and a purchase happens on or
// after the grant's displayed date, usually by the end of the following month. Within those
// rules, equal grants take the fitting invoices in time order. Anything else stays unmatched
// with a reason. O(n log n): sorting, then linear passes per amount.
import { formatCents } from '../dashboard/money';
import type { Purchase } from '../report-schema';
import { fits, inferTaxRate } from './tax-rate';
import type { GrantView, InvoiceView } from './views';
import { addDaysToDay, endOfNextMonth } from '../wall-clock';

/** How late a purchase may be after the displayed date in the relaxed second pass. */
const RELAXED_DAYS = 62;

export interface Matching {
  taxRate: number | null;
  purchases: Map<string, Purchase>;
  /** grant id → why it has no purchase */
  unmatchedReasons: Map<string, string>;
  /** invoice number → grant ids it bought */
  grantsOf: Map<string, string[]>;
}

export interface MatchContext {
  /** Whether the billing history was ever read (else nothing can match). */
  historySeen: boolean;
  /** The oldest invoice date listed (billing history shows only the past 12 months). */
  oldestInvoiceDay: string | null;
}

function amountFor(total: number, rate: number, amounts: Set<number>): number | null {
  const guess = Math.round(total / (1 + rate));
  for (const a of [guess, guess - 1, guess + 1, guess - 2, guess + 2]) if (amounts.has(a) && fits(a, total, rate)) return a;
  return null;
}

export function matchGrants(grants: readonly GrantView[], invoices: readonly InvoiceView[], ctx: MatchContext): Matching {
  const paid = invoices.filter((i) => i.status === 'paid');
  const amounts = new Set(grants.map((g) => g.amountCents));
  const taxRate = inferTaxRate(paid.map((i) => i.totalCents), [...amounts]);
  const purchases = new Map<string, Purchase>();
  const unmatchedReasons = new Map<string, string>();
  const grantsOf = new Map<string, string[]>();

  // Invoices and grants by amount, each sorted in time order.
  const invoicesByAmount = new Map<number, InvoiceView[]>();
  if (taxRate !== null) {
    for (const inv of paid) {
      const a = amountFor(inv.totalCents, taxRate, amounts);
      if (a === null) continue;
      const list = invoicesByAmount.get(a) ?? [];
      list.push(inv);
      invoicesByAmount.set(a, list);
    }
  }
  const grantsByAmount = new Map<number, GrantView[]>();
  for (const g of grants) {
    const list = grantsByAmount.get(g.amountCents) ?? [];
    list.push(g);
    grantsByAmount.set(g.amountCents, list);
  }

  for (const [amount, group] of grantsByAmount) {
    group.sort((x, y) => (x.displayedDate < y.displayedDate ? -1 : x.displayedDate > y.displayedDate ? 1 : x.id < y.id ? -1 : 1));
    const candidates = (invoicesByAmount.get(amount) ?? []).sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.number < y.number ? -1 : 1));
    const taken = new Set<string>();
    const days = candidates.map((c) => c.createdAt.slice(0, 10));
    const sameDay = new Map<string, number>();
    for (const g of group) sameDay.set(g.displayedDate, (sameDay.get(g.displayedDate) ?? 0) + 1);
    // Greedy earliest-fit in time order maximises matches when windows open in grant order.
    const pass = (windowEnd: (g: GrantView) => string, relaxed: boolean): void => {
      let start = 0;
      for (const g of group) {
        if (purchases.has(g.id)) continue;
        while (start < candidates.length && (days[start]! < g.displayedDate || taken.has(candidates[start]!.number))) start++;
        const end = windowEnd(g);
        let pick = -1;
        let fitting = 0;
        for (let k = start; k < candidates.length && days[k]! <= end; k++) {
          if (taken.has(candidates[k]!.number)) continue;
          if (pick < 0) pick = k;
          fitting++;
          if (fitting > 1) break;
        }
        if (pick < 0) continue;
        const inv = candidates[pick]!;
        taken.add(inv.number);
        // Exact only when no other grant of this amount and day competes and no other invoice fits.
        const rivals = sameDay.get(g.displayedDate)!;
        purchases.set(g.id, {
          invoice: inv.number,
          paidAt: inv.createdAt,
          totalCents: inv.totalCents,
          taxCents: inv.totalCents - g.amountCents,
          confidence: !relaxed && fitting === 1 && rivals === 1 ? 'exact' : 'likely',
        });
        grantsOf.set(inv.number, [...(grantsOf.get(inv.number) ?? []), g.id]);
      }
    };
    pass((g) => endOfNextMonth(g.displayedDate), false);
    pass((g) => addDaysToDay(g.displayedDate, RELAXED_DAYS), true);
    for (const g of group) {
      if (purchases.has(g.id)) continue;
      unmatchedReasons.set(g.id, reasonFor(g, candidates.length > 0, taxRate, ctx));
    }
  }
  return { taxRate, purchases, unmatchedReasons, grantsOf };
}

function reasonFor(g: GrantView, sameAmountInvoices: boolean, taxRate: number | null, ctx: MatchContext): string {
  if (!ctx.historySeen) return 'The billing history has not been read yet: open it to find the payment.';
  if (ctx.oldestInvoiceDay !== null && endOfNextMonth(g.displayedDate) < ctx.oldestInvoiceDay) {
    return 'Its invoice is older than the 12 months of billing history the site shows.';
  }
  const expected = taxRate === null ? formatCents(g.amountCents) + ' plus tax' : formatCents(Math.round(g.amountCents * (1 + taxRate)));
  if (sameAmountInvoices) return `Every invoice of ${expected} near its date already bought another grant: a promotional grant, or an invoice not listed.`;
  return `No invoice of ${expected} was paid on or after its date: likely a promotional or free grant.`;
}
