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
  /** Goals missed that CI does not fail on (see goal()): listed, never silent. */
  readonly goalsMissed: string[] = [];
  /**
   * Record a budget; returns the status cell. `scale` is how much slower than the reference this
   * machine ran in the same section (scripts/bench/speed.ts): a timing budget is met within
   * `limit × scale`, and the cell says so when the scaled budget was needed.
   */
  judge(name: string, value: number, limit: number, unit: string, scale = 1): string {
    if (Number.isFinite(value) && value <= limit) return `met (≤ ${limit} ${unit})`;
    if (Number.isFinite(value) && value <= limit * scale) return `met at this machine's pace (≤ ${limit} ${unit} × ${scale.toFixed(2)} = ${Math.round(limit * scale)} ${unit})`;
    this.failures.push(`${name}: ${shown(value)} ${unit} > ${bound(limit, scale, unit)}`);
    return `**missed** (≤ ${bound(limit, scale, unit)})`;
  }
  /**
   * A budget the page itself cannot meet on this machine: met when the value is within the
   * (scaled) limit or no later than `floor`, the page alone doing the same (its own table laid
   * out and painted, in the same run). Badges in the page before the table is painted appear with it.
   */
  judgeWithFloor(name: string, value: number, limit: number, floor: number, unit: string, scale = 1): string {
    if (Number.isFinite(value) && value <= limit * scale) return this.judge(name, value, limit, unit, scale);
    const ok = Number.isFinite(value) && value <= floor;
    if (!ok) this.failures.push(`${name}: ${shown(value)} ${unit} > ${bound(limit, scale, unit)} and > the page's own ${floor.toFixed(1)} ${unit}`);
    return ok ? `met: over ${limit} ${unit}, but no later than the page's own table (${floor.toFixed(0)} ${unit}, same run)` : `**missed** (≤ ${bound(limit, scale, unit)}, or ≤ the page's own ${floor.toFixed(0)} ${unit})`;
  }
  /**
   * A goal the code sits at the edge of on this shared machine: CI would fail on it by chance, so
   * it fails only past `guard` (a regression: a step back, not noise); a miss of the goal itself
   * is reported in the table and at the end, never hidden. Both are scaled like judge()'s.
   */
  goal(name: string, value: number, limit: number, guard: number, unit: string, scale = 1): string {
    if (Number.isFinite(value) && value <= limit * scale) return this.judge(name, value, limit, unit, scale);
    this.goalsMissed.push(`${name}: ${shown(value)} ${unit} > ${bound(limit, scale, unit)}`);
    if (!(Number.isFinite(value) && value <= guard * scale)) {
      this.failures.push(`${name}: ${shown(value)} ${unit} > ${bound(guard, scale, unit)} (the regression guard)`);
      return `**missed**, past the regression guard (≤ ${bound(guard, scale, unit)})`;
    }
    return `**goal missed** (≤ ${bound(limit, scale, unit)}); within CI's regression guard (≤ ${bound(guard, scale, unit)})`;
  }
}

const shown = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'not measured');
const bound = (limit: number, scale: number, unit: string) => (scale > 1 ? `${limit} ${unit} × ${scale.toFixed(2)} = ${Math.round(limit * scale)} ${unit}` : `${limit} ${unit}`);

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
