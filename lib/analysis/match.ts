// Which invoice bought which grant. Dates cannot be joined (grants show a back-dated day), but
// an invoice total is the grant plus tax at the rate of its time, a purchase happens on or after
// the grant's displayed date (usually by the end of the following month), purchased credit
// expires about a year after it was bought, and money in one currency never bought a grant in
// another. Within those rules, equal grants take the fitting invoices in time order. Anything
// else stays unmatched with a reason (a code). O(n log n): sorting, then linear passes per amount.
//
// Identical rows (same displayed date, amount, currency, expiry) cannot say which of them an
// invoice bought. Credit is used oldest expiry first, then oldest purchase, so the earliest
// purchase of such a group holds the least: the emptiest rows are given to the earliest invoices.
// That is also the assignment under which the credit bought before any moment is smallest, so a
// bound built on it (balance-bound.ts) holds under every assignment the pages allow.
import type { Purchase, UnmatchedReason } from '../report-schema';
import { addDaysToDay, endOfNextMonth } from '../wall-clock';
import { expiryFitsPurchase, expiryFitsSomePurchase } from './expiry';
import { amountsFor, exactAmount } from './tax-rate';
import type { TaxPeriod, TaxTimeline } from './tax-periods';
import type { GrantView, InvoiceView } from './views';

/** How late a purchase may be after the displayed date in the relaxed second pass. */
const RELAXED_DAYS = 62;

export interface Matching {
  purchases: Map<string, Purchase>;
  /** grant id → why it has no purchase */
  unmatched: Map<string, UnmatchedReason>;
  /** invoice number → grant ids it bought */
  grantsOf: Map<string, string[]>;
}

export interface MatchContext {
  /** Whether the billing history was read (else nothing can match). */
  historyRead: boolean;
  /** Whether every page of a paged billing history was read (else a missing invoice may be on another). */
  historyWhole?: boolean;
  /** The first day of the 12 months the billing history listed when it was read. */
  historyWindowFrom: string | null;
  /** The currency of the account's grants: only its invoices can buy them. */
  accountCurrency: string;
  tax: TaxTimeline;
}

const byTime = (x: InvoiceView, y: InvoiceView) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.number < y.number ? -1 : 1);

/** Displayed date, then expiry, then emptiest first (see above); ids only break exact ties. */
function grantOrder(x: GrantView, y: GrantView): number {
  if (x.displayedDate !== y.displayedDate) return x.displayedDate < y.displayedDate ? -1 : 1;
  const ex = x.expiresOn ?? '9999-12-31';
  const ey = y.expiresOn ?? '9999-12-31';
  if (ex !== ey) return ex < ey ? -1 : 1;
  if (x.remainingCents !== y.remainingCents) return x.remainingCents - y.remainingCents;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** The latest day a grant's purchase may fall on (the relaxed window). */
export function latestPurchaseDay(g: Pick<GrantView, 'displayedDate'>): string {
  const strict = endOfNextMonth(g.displayedDate);
  const relaxed = addDaysToDay(g.displayedDate, RELAXED_DAYS);
  return strict > relaxed ? strict : relaxed;
}

/** `charges`: the invoices that took money (charges.ts), in any currency. */
export function matchGrants(grants: readonly GrantView[], charges: readonly InvoiceView[], ctx: MatchContext): Matching {
  const purchases = new Map<string, Purchase>();
  const unmatched = new Map<string, UnmatchedReason>();
  const grantsOf = new Map<string, string[]>();
  const own = grants.filter((g) => g.currency === ctx.accountCurrency);
  const amounts = new Set(own.map((g) => g.amountCents));

  const grantsByAmount = new Map<number, GrantView[]>();
  for (const g of own) {
    // Credit whose expiry fits no purchase was not bought: it takes no invoice.
    if (!expiryFitsSomePurchase(g.expiresOn, g.displayedDate, latestPurchaseDay(g))) continue;
    const list = grantsByAmount.get(g.amountCents) ?? [];
    list.push(g);
    grantsByAmount.set(g.amountCents, list);
  }
  for (const group of grantsByAmount.values()) group.sort(grantOrder);
  const taken = new Set<string>();

  // Invoices by the grant amounts they fit at the rate of their time, each list in time order.
  const byAmount = (amountsOf: (total: number, period: TaxPeriod) => number[]) => {
    const out = new Map<number, InvoiceView[]>();
    for (const inv of charges) {
      if (inv.currency !== ctx.accountCurrency) continue;
      const period = ctx.tax.periodAt(inv.createdAt);
      for (const a of period === null ? [] : amountsOf(inv.totalCents, period)) {
        const list = out.get(a) ?? [];
        list.push(inv);
        out.set(a, list);
      }
    }
    for (const list of out.values()) list.sort(byTime);
    return out;
  };

  // Greedy earliest-fit in time order maximises matches when windows open in grant order. The
  // strict window is the month after the displayed date (the date is the last day before it);
  // the relaxed one also takes the displayed day itself and about two months.
  // Each list's payment days, worked out once for the four passes.
  const daysOf = new Map<InvoiceView[], string[]>();
  const assign = (invoicesByAmount: Map<number, InvoiceView[]>, relaxed: boolean): void => {
    for (const [amount, group] of grantsByAmount) {
      const candidates = invoicesByAmount.get(amount) ?? [];
      let days = daysOf.get(candidates);
      if (!days) daysOf.set(candidates, (days = candidates.map((c) => c.createdAt.slice(0, 10))));
      const sameDay = new Map<string, number>();
      for (const g of group) sameDay.set(g.displayedDate, (sameDay.get(g.displayedDate) ?? 0) + 1);
      let start = 0;
      for (const g of group) {
        if (purchases.has(g.id)) continue;
        const after = (day: string) => (relaxed ? day >= g.displayedDate : day > g.displayedDate);
        while (start < candidates.length && (!after(days[start]!) || taken.has(candidates[start]!.number))) start++;
        const end = relaxed ? addDaysToDay(g.displayedDate, RELAXED_DAYS) : endOfNextMonth(g.displayedDate);
        let pick = -1;
        let fitting = 0;
        for (let k = start; k < candidates.length && days[k]! <= end; k++) {
          if (taken.has(candidates[k]!.number) || !expiryFitsPurchase(g.expiresOn, days[k]!)) continue;
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
        const bought = grantsOf.get(inv.number);
        if (bought) bought.push(g.id);
        else grantsOf.set(inv.number, [g.id]);
      }
    }
  };
  // Each invoice is first offered to the one amount it is exactly (at its period's rate and
  // rounding), then, what is left, to any amount within a cent; strict windows before relaxed
  // ones. Either way an invoice buys one grant.
  const anyFit = (total: number, p: TaxPeriod) => amountsFor(total, p.rate, amounts);
  const exact = (total: number, p: TaxPeriod) => {
    const a = exactAmount(total, p, amounts);
    return a === null ? [] : [a];
  };
  // Built once: assign() passes over invoices already taken.
  const everyFit = byAmount(anyFit);
  const exactFit = byAmount(exact);
  for (const relaxed of [false, true]) {
    assign(exactFit, relaxed);
    assign(everyFit, relaxed);
  }
  for (const g of grants) {
    if (purchases.has(g.id)) continue;
    const near = (everyFit.get(g.amountCents) ?? []).some((i) => i.createdAt.slice(0, 10) >= g.displayedDate && i.createdAt.slice(0, 10) <= latestPurchaseDay(g));
    unmatched.set(g.id, reasonFor(g, near, ctx));
  }
  return { purchases, unmatched, grantsOf };
}

function reasonFor(g: GrantView, invoicesNear: boolean, ctx: MatchContext): UnmatchedReason {
  const latest = latestPurchaseDay(g);
  // What the grants page alone shows comes first: it holds whatever the history says.
  if (g.expiresOn !== null && !expiryFitsSomePurchase(g.expiresOn, g.displayedDate, latest)) return { code: 'promotional', expiresOn: g.expiresOn };
  if (g.currency !== ctx.accountCurrency) return { code: 'other-currency', currency: g.currency };
  if (!ctx.historyRead) return { code: 'history-not-read' };
  if (ctx.historyWindowFrom !== null && latest < ctx.historyWindowFrom) return { code: 'before-history-window', since: ctx.historyWindowFrom };
  if (ctx.historyWhole === false) return { code: 'history-partly-read' };
  const rate = ctx.tax.rateAt(`${endOfNextMonth(g.displayedDate)}T23:59`);
  const expectedCents = rate === null ? null : Math.round(g.amountCents * (1 + rate));
  return invoicesNear ? { code: 'invoices-taken', expectedCents } : { code: 'no-fitting-invoice', expectedCents };
}
