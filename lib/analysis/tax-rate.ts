// Tax rates from the data. A total is a grant amount plus tax at the account's rate, rounded to
// the cent by one rule (to nearest, down or up). A cent of rounding makes rates and amounts a
// cent apart look alike, so the rate is found in two steps: candidate rates are those that put
// the most totals within a cent of an amount plus tax; each is then sharpened to the rate, and
// rounding rule, that makes the most totals come out exactly (the range of rates every pair
// allows, swept for the point most pairs share). tax-periods.ts finds when the rate changed.

export const MAX_TAX_RATE = 0.35;
export const ROUNDINGS = ['round', 'floor', 'ceil'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

export interface TaxRate {
  rate: number;
  rounding: Rounding;
  /** How many invoices (with multiplicity) it explains exactly. */
  score: number;
}

const EPS = 1e-6;

/** Does `totalCents` equal `amountCents` plus tax at `rate`, within a cent (any rounding)? */
export function fits(amountCents: number, totalCents: number, rate: number): boolean {
  return Math.abs(amountCents * (1 + rate) - totalCents) <= 1 + 1e-9;
}

/** Is `totalCents` exactly `amountCents` plus its tax at `rate`, rounded by `rounding`? */
export function fitsExactly(amountCents: number, totalCents: number, rate: number, rounding: Rounding): boolean {
  const x = amountCents * (1 + rate) - totalCents;
  if (rounding === 'round') return x >= -0.5 - EPS && x <= 0.5 + EPS;
  if (rounding === 'floor') return x >= -EPS && x < 1 - EPS;
  return x > -1 + EPS && x <= EPS;
}

const near = (total: number, rate: number) => {
  const guess = Math.round(total / (1 + rate));
  return [guess, guess - 1, guess + 1, guess - 2, guess + 2];
};

/** The grant amounts (of `amounts`) that `total` can be at `rate` within a cent, nearest first. */
export function amountsFor(total: number, rate: number, amounts: ReadonlySet<number>): number[] {
  return near(total, rate).filter((a) => amounts.has(a) && fits(a, total, rate));
}

/** The grant amount `total` is exactly, at `rate` and `rounding`: at most one. */
export function exactAmount(total: number, r: Pick<TaxRate, 'rate' | 'rounding'>, amounts: ReadonlySet<number>): number | null {
  return near(total, r.rate).find((a) => amounts.has(a) && fitsExactly(a, total, r.rate, r.rounding)) ?? null;
}

/** The rates within a cent of the most totals (with multiplicity), best first. */
function roughRates(totalCounts: Map<number, number>, amounts: readonly number[], distinctAmounts: number[], limit: number): number[] {
  const amountCounts = new Map<number, number>();
  for (const a of amounts) amountCounts.set(a, (amountCounts.get(a) ?? 0) + 1);
  const frequent = <K>(m: Map<K, number>) => [...m.entries()].sort((x, y) => y[1] - x[1]).slice(0, 40).map(([k]) => k);
  const candidates = new Set<number>();
  for (const t of frequent(totalCounts)) {
    for (const a of frequent(amountCounts).filter((x) => x > 0)) {
      const rate = (t - a) / a;
      if (rate >= 0 && rate <= MAX_TAX_RATE) candidates.add(Math.round(rate * 1e6) / 1e6);
    }
  }
  const amountSet = new Set(distinctAmounts);
  const scored = [...candidates].map((rate) => {
    let score = 0;
    for (const [t, n] of totalCounts) if (amountsFor(t, rate, amountSet).length) score += n;
    return { rate, score };
  });
  scored.sort((x, y) => y.score - x.score || x.rate - y.rate);
  return scored.filter((s) => s.score > 0).slice(0, limit).map((s) => s.rate);
}

/** The rate range under which `amount` plus tax, rounded by `rounding`, is `total`. */
function allowed(amount: number, total: number, rounding: Rounding): [number, number] {
  const [lo, hi] = rounding === 'round' ? [total - 0.5, total + 0.5] : rounding === 'floor' ? [total, total + 1] : [total - 1, total];
  return [lo / amount - 1, hi / amount - 1];
}

/** The shortest percentage (fewest decimals) inside [lo, hi): rates are set by law in round numbers. */
function roundest(lo: number, hi: number): number {
  for (let digits = 0; digits <= 6; digits++) {
    const step = 10 ** -(digits + 2);
    const r = Math.ceil(lo / step - 1e-9) * step;
    if (r < hi - 1e-12) return Math.round(r * 1e8) / 1e8;
  }
  return (lo + hi) / 2;
}

/** Sharpen a rough rate: per rounding rule, the rate most (total, amount) pairs allow. */
function sharpen(rough: number, totalCounts: Map<number, number>, amountSet: ReadonlySet<number>): TaxRate | null {
  let best: TaxRate | null = null;
  for (const rounding of ROUNDINGS) {
    const edges: [number, number][] = [];
    for (const [t, n] of totalCounts) {
      for (const a of amountsFor(t, rough, amountSet)) {
        const [lo, hi] = allowed(a, t, rounding);
        edges.push([lo, n], [hi, -n]);
      }
    }
    // Ends before starts at the same point: ranges are half-open.
    edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let running = 0;
    let top = 0;
    let at: [number, number] | null = null;
    for (let i = 0; i < edges.length; i++) {
      running += edges[i]![1];
      const next = edges[i + 1];
      if (running > top && next && next[0] > edges[i]![0]) {
        top = running;
        at = [edges[i]![0], next[0]];
      }
    }
    if (at && at[0] >= -EPS && (!best || top > best.score)) best = { rate: Math.max(0, roundest(at[0], at[1])), rounding, score: top };
  }
  return best;
}

/** Candidate rates with their rounding rule, best first (most invoices explained exactly). */
export function rankTaxRates(totals: readonly number[], amounts: readonly number[], limit: number): TaxRate[] {
  const totalCounts = new Map<number, number>();
  for (const t of totals) totalCounts.set(t, (totalCounts.get(t) ?? 0) + 1);
  const distinctAmounts = [...new Set(amounts)].filter((a) => a > 0).sort((a, b) => a - b);
  if (!totalCounts.size || !distinctAmounts.length) return [];
  const amountSet = new Set(distinctAmounts);
  const out: TaxRate[] = [];
  for (const rough of roughRates(totalCounts, amounts, distinctAmounts, limit)) {
    const sharp = sharpen(rough, totalCounts, amountSet);
    if (sharp && !out.some((o) => Math.abs(o.rate - sharp.rate) < 1e-9 && o.rounding === sharp.rounding)) out.push(sharp);
  }
  return out.sort((x, y) => y.score - x.score || x.rate - y.rate);
}
