import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateTime, parseDay } from '../../lib/dashboard/dates';

describe('parseDay', () => {
  it.each([
    ['Nov 3, 2025', '2025-11-03'],
    ['November 3, 2025', '2025-11-03'],
    ['03 Nov 2025', '2025-11-03'],
    ['3 Nov 2025', '2025-11-03'],
    ['Sept 3, 2025', '2025-09-03'],
    ['2025-11-03', '2025-11-03'],
    ['13/3/2025', '2025-03-13'],
    ['Feb 29, 2024', '2024-02-29'],
  ])('%s → %s', (text, day) => expect(parseDay(text)).toEqual({ ok: true, value: day }));

  it.each(['', 'yesterday', 'N/A', 'Feb 30, 2025', 'Feb 29, 2025', '11/3/2025', 'Nov 3', '1899-01-01', '2025-13-01'])('refuses %j with a reason', (text) => {
    const r = parseDay(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });
});

describe('parseDateTime', () => {
  it.each([
    ['Nov 3, 2025, 1:02 PM', '2025-11-03T13:02'],
    ['Nov 3, 2025, 12:05 AM', '2025-11-03T00:05'],
    ['Nov 3, 2025, 12:05 PM', '2025-11-03T12:05'],
    ['30 Jun 2025, 14:35', '2025-06-30T14:35'],
    ['Nov 3, 2025 at 1:02 p.m.', '2025-11-03T13:02'],
    ['2025-11-03T13:02', '2025-11-03T13:02'],
    ['2025-11-03 13:02:59', '2025-11-03T13:02:59'],
  ])('%s → %s', (text, at) => expect(parseDateTime(text)).toEqual({ ok: true, value: at }));

  it.each(['Nov 3, 2025', 'Nov 3, 2025, 13:02 PM', 'Nov 3, 2025, 24:00', 'Nov 3, 2025, 9:61', 'soon'])('refuses %j', (text) => {
    expect(parseDateTime(text).ok).toBe(false);
  });

  // Every moment, shown in each form real locales use, reads back as the same wall-clock time.
  const FORMS = ['MMM d, yyyy, h:mm a', 'd MMM yyyy, HH:mm', 'MMMM d, yyyy h:mm a', "yyyy-MM-dd'T'HH:mm", 'dd MMM yyyy, HH:mm'];
  it('round-trips generated date-times in every supported form', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2015, 0, 1), max: new Date(2035, 11, 31), noInvalidDate: true }), fc.constantFrom(...FORMS), (date, form) => {
        expect(parseDateTime(format(date, form))).toEqual({ ok: true, value: format(date, "yyyy-MM-dd'T'HH:mm") });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text, and reads no date from text without digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const r = parseDateTime(text);
        if (!/\d/.test(text)) expect(r.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
