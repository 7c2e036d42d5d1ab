// Sample sets and how the bench judges them. On a shared 2-core machine a slow sample says
// something else ran, a fast one says what our code costs: budgets are judged on the best
// sample (never one sample alone, never the mean); medians are reported beside them.

export const best = (xs: readonly number[]): number => Math.min(...xs);
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const ms = (x: number): string => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : 'n/a');
/** "best / median (n)" of a sample set. */
export const spread = (xs: readonly number[]): string => (xs.length ? `${ms(best(xs))} / ${ms(median(xs))} (${xs.length})` : 'n/a');

export class Budgets {
  readonly failures: string[] = [];
  /** Record a budget; returns the status cell. */
  judge(name: string, value: number, limit: number, unit: string): string {
    const ok = Number.isFinite(value) && value <= limit;
    if (!ok) this.failures.push(`${name}: ${Number.isFinite(value) ? value.toFixed(1) : 'not measured'} ${unit} > ${limit} ${unit}`);
    return ok ? `met (≤ ${limit} ${unit})` : `**missed** (≤ ${limit} ${unit})`;
  }
}

/** Time `run` n times: the durations in ms. */
export function times(n: number, run: () => unknown): number[] {
  return Array.from({ length: n }, () => {
    const t0 = performance.now();
    run();
    return performance.now() - t0;
  });
}

export async function timesAsync(n: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out;
}
