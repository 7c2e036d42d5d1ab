import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToDay, endOfNextMonth, wallMinutes } from '../../lib/wall-clock';

// The reference: what wallMinutes computed before it read digits itself (one regular expression).
const PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
function byPattern(at: string): number {
  const m = PARTS.exec(at);
  if (!m) throw new Error(`not a wall-clock date-time: ${at}`);
  const days = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  return days * 1440 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0) + Number(m[6] ?? 0) / 60;
}
const outcome = (f: (at: string) => number, at: string) => {
  try {
    return { minutes: f(at) };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe('wall clock', () => {
  it('reads every date-time as the pattern does, and refuses what it refuses', () => {
    const digit = fc.constantFrom(...'0123456789');
    const near = fc.constantFrom(...'0123456789-T:/ a٣０');
    const stamp = fc.tuple(fc.array(digit, { minLength: 19, maxLength: 19 }), fc.constantFrom(10, 16, 19)).map(([ds, n]) => {
      const s = ds.join('').split('');
      s[4] = '-';
      s[7] = '-';
      s[10] = 'T';
      s[13] = ':';
      s[16] = ':';
      return s.slice(0, n).join('');
    });
    const mangled = fc.tuple(stamp, fc.nat(18), near).map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
    fc.assert(
      fc.property(fc.oneof(stamp, mangled, fc.string({ maxLength: 20 })), (at) => {
        expect(outcome(wallMinutes, at)).toEqual(outcome(byPattern, at));
      }),
      { numRuns: 3000 },
    );
    expect(wallMinutes('2026-11-27T10:00')).toBe(Date.UTC(2026, 10, 27) / 60_000 + 600);
    expect(wallMinutes('2026-11-27T10:00:30')).toBe(Date.UTC(2026, 10, 27) / 60_000 + 600.5);
  });

  it('does day arithmetic across month and year ends, however often it is asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(endOfNextMonth('2026-01-31')).toBe('2026-02-28');
      expect(endOfNextMonth('2027-12-15')).toBe('2028-01-31');
      expect(addDaysToDay('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDaysToDay('2024-02-28', 1)).toBe('2024-02-29');
      expect(addDaysToDay('2026-03-01', -1)).toBe('2026-02-28');
      expect(addDaysToDay('2026-03-01', 62)).toBe('2026-05-02');
    }
  });
});
