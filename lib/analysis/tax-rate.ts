// One account pays one tax rate. Infer it from the data: the rate that makes the most paid
// invoice totals land on a grant amount plus tax, within a cent (rounding either way).

export const MAX_TAX_RATE = 0.35;

/** Does `totalCents` equal `amountCents` plus tax at `rate`, within a cent? */
export function fits(amountCents: number, totalCents: number, rate: number): boolean {
  return Math.abs(amountCents * (1 + rate) - totalCents) <= 1 + 1e-9;
}

/**
 * Candidates come from every (distinct total, distinct amount) pair; each is scored by how many
 * invoices (with multiplicity) it explains. Distinct values are few even for thousands of rows.
 */
export function inferTaxRate(totals: readonly number[], amounts: readonly number[]): number | null {
  const totalCounts = new Map<number, number>();
  for (const t of totals) totalCounts.set(t, (totalCounts.get(t) ?? 0) + 1);
  const distinctAmounts = [...new Set(amounts)].filter((a) => a > 0).sort((a, b) => a - b);
  if (!totalCounts.size || !distinctAmounts.length) return null;
  // Candidates from the most frequent totals and amounts keep this bounded on odd accounts.
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
  let best: number | null = null;
  let bestScore = 0;
  for (const rate of [...candidates].sort((a, b) => a - b)) {
    let score = 0;
    for (const [t, n] of totalCounts) if (distinctAmounts.some((a) => fits(a, t, rate))) score += n;
    // More invoices explained wins; among equals, the rate explained by the most distinct
    // totals' exact centre (smallest total error) wins, then the lower rate.
    if (score > bestScore || (score === bestScore && best !== null && error(rate, totalCounts, distinctAmounts) < error(best, totalCounts, distinctAmounts) - 1e-9)) {
      best = rate;
      bestScore = score;
    }
  }
  return best;
}

function error(rate: number, totals: Map<number, number>, amounts: number[]): number {
  let sum = 0;
  for (const [t, n] of totals) {
    let e = Infinity;
    for (const a of amounts) e = Math.min(e, Math.abs(a * (1 + rate) - t));
    if (e <= 1) sum += e * n;
  }
  return sum;
}
