// Tax rates in time. An account pays one rate at a time, and it changes when the account moves
// country or the law changes (20% → 23% VAT): so the rate is inferred per period, with change
// points between invoices, and each invoice is judged by the rate of its own time.
//
// How: the few best candidate rates (tax-rate.ts) are states; a pass over the paid invoices in
// time order (dynamic programming, O(invoices × candidates)) finds the sequence of rates that
// leaves the fewest invoices unexplained, where each change costs more than one invoice, so a
// stray total never invents a period but two or more invoices at a new rate do.
import { exactAmount, rankTaxRates, type Rounding } from './tax-rate';

export interface TaxPeriod {
  /** The first invoice (wall clock) of the period; the first period also covers everything before. */
  from: string;
  rate: number;
  rounding: Rounding;
}

export interface TaxTimeline {
  periods: TaxPeriod[];
  /** The rate in force at a wall-clock time, or null when no rate could be inferred. */
  rateAt(at: string): number | null;
  /** The period in force at a wall-clock time. */
  periodAt(at: string): TaxPeriod | null;
}

const CANDIDATES = 8;
/** A change of rate must explain more than this many invoices. */
const CHANGE_COST = 1.5;

export function inferTaxPeriods(invoices: readonly { createdAt: string; totalCents: number }[], amounts: readonly number[]): TaxTimeline {
  const ordered = [...invoices].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const rates = rankTaxRates(
    ordered.map((i) => i.totalCents),
    amounts,
    CANDIDATES,
  );
  if (!rates.length) return { periods: [], rateAt: () => null, periodAt: () => null };
  const amountSet = new Set(amounts);
  const k = rates.length;
  const n = ordered.length;
  // cost[r]: fewest unexplained invoices (plus change costs) ending in rate r; from[i*k + r]: the
  // state before invoice i on that best path.
  let cost = new Float64Array(k);
  const from = new Int8Array(n * k);
  for (let i = 0; i < n; i++) {
    const next = new Float64Array(k);
    let best = 0;
    for (let r = 1; r < k; r++) if (cost[r]! < cost[best]!) best = r;
    for (let r = 0; r < k; r++) {
      // Staying wins ties, so a change happens only where it explains more.
      const stay = cost[r]!;
      const change = cost[best]! + CHANGE_COST;
      const prev = i === 0 || stay <= change ? r : best;
      const miss = exactAmount(ordered[i]!.totalCents, rates[r]!, amountSet) === null ? 1 : 0;
      next[r] = (i === 0 ? 0 : Math.min(stay, change)) + miss;
      from[i * k + r] = prev;
    }
    cost = next;
  }
  let state = 0;
  for (let r = 1; r < k; r++) if (cost[r]! < cost[state]!) state = r;
  const path = new Int8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = state;
    state = from[i * k + state]!;
  }
  const periods: TaxPeriod[] = [];
  for (let i = 0; i < n; i++) {
    const { rate, rounding } = rates[path[i]!]!;
    const last = periods[periods.length - 1];
    if (!last || last.rate !== rate || last.rounding !== rounding) periods.push({ from: ordered[i]!.createdAt, rate, rounding });
  }
  const periodAt = (at: string): TaxPeriod | null => {
    let lo = 0;
    let hi = periods.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (periods[mid]!.from <= at) lo = mid;
      else hi = mid - 1;
    }
    return periods[lo] ?? null;
  };
  return { periods, periodAt, rateAt: (at) => periodAt(at)?.rate ?? null };
}
