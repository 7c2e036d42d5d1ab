import { describe, expect, it } from 'vitest';
import { REFERENCE_MS, slowdown } from '../../scripts/bench/speed';
import { Budgets } from '../../scripts/bench/stats';

// How `npm run bench -- --check` decides CI: a budget is met as written, or at the machine's pace
// measured in the same run; never tighter on a fast machine; a goal fails CI only past its guard.
describe('bench budgets', () => {
  it('scales by the yardstick median, never below 1', () => {
    expect(slowdown([REFERENCE_MS / 2, REFERENCE_MS / 2, REFERENCE_MS / 2])).toBe(1);
    expect(slowdown([REFERENCE_MS, REFERENCE_MS * 3, REFERENCE_MS * 2])).toBe(2);
    // One lucky fast sample does not set the pace.
    expect(slowdown([REFERENCE_MS, REFERENCE_MS * 2.5, REFERENCE_MS * 2.5, REFERENCE_MS * 3])).toBe(2.5);
  });

  it('meets a timing budget as written, at the pace, or misses it and says by how much', () => {
    const b = new Budgets();
    expect(b.judge('a', 180, 200, 'ms', 2)).toBe('met (≤ 200 ms)');
    expect(b.judge('b', 380, 200, 'ms', 2)).toBe("met at this machine's pace (≤ 200 ms × 2.00 = 400 ms)");
    expect(b.failures).toEqual([]);
    expect(b.judge('c', 420, 200, 'ms', 2)).toBe('**missed** (≤ 200 ms × 2.00 = 400 ms)');
    expect(b.judge('d', 201, 200, 'ms')).toBe('**missed** (≤ 200 ms)');
    expect(b.judge('e', Number.NaN, 200, 'ms', 3)).toContain('**missed**');
    expect(b.failures).toEqual(['c: 420.0 ms > 200 ms × 2.00 = 400 ms', 'd: 201.0 ms > 200 ms', 'e: not measured ms > 200 ms × 3.00 = 600 ms']);
  });

  it("passes first badges no later than the page's own table, at any pace", () => {
    const b = new Budgets();
    expect(b.judgeWithFloor('a', 90, 50, 100, 'ms', 1.5)).toContain("no later than the page's own table");
    expect(b.judgeWithFloor('b', 70, 50, 60, 'ms', 1.5)).toContain("this machine's pace");
    expect(b.failures).toEqual([]);
    expect(b.judgeWithFloor('c', 90, 50, 80, 'ms', 1.5)).toContain('**missed**');
    expect(b.failures).toHaveLength(1);
  });

  it('reports a missed goal without failing CI, until past its guard at the same pace', () => {
    const b = new Budgets();
    expect(b.goal('cli', 1900, 1000, 1500, 'ms', 2)).toContain("met at this machine's pace");
    expect(b.goal('cli', 2400, 1000, 1500, 'ms', 2)).toContain('goal missed');
    expect(b.failures).toEqual([]);
    expect(b.goalsMissed).toHaveLength(1);
    expect(b.goal('cli', 3100, 1000, 1500, 'ms', 2)).toContain('past the regression guard');
    expect(b.failures).toEqual(['cli: 3100.0 ms > 1500 ms × 2.00 = 3000 ms (the regression guard)']);
  });
});
