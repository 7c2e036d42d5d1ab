// Wall-clock times (YYYY-MM-DD[THH:mm[:ss]], local, no zone), like the pages' own: built from
// numbers, never by parsing text, and never converted between zones. Date.UTC is used purely as
// a calendar for arithmetic.

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When a page was seen, for a saved page whose content proves no time (an overview or usage page
 * read by the CLI): older than any real sighting, so any real one wins (lib/analysis/seen-at.ts).
 */
export const TIME_NOT_SHOWN = '1970-01-01T00:00:00';

/** A time that stands for "not shown" (TIME_NOT_SHOWN, or its day): say "time not known", never a date in 1970. */
export function unknownTime(at: string): boolean {
  return at.slice(0, 10) === TIME_NOT_SHOWN.slice(0, 10);
}

/** A Date's local wall clock as YYYY-MM-DDTHH:mm:ss. */
export function wallClockNow(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The number written by the ASCII digits from `from` to `to`, or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Minutes since 1970-01-01T00:00 of the same wall clock. */
export function wallMinutes(at: string): number {
  // Asked of every invoice time again and again: the usual forms read digit by digit, as PARTS would.
  const n = at.length;
  if ((n === 10 || n === 16 || n === 19) && at.charCodeAt(4) === 45 && at.charCodeAt(7) === 45 && (n === 10 || (at.charCodeAt(10) === 84 && at.charCodeAt(13) === 58 && (n === 16 || at.charCodeAt(16) === 58)))) {
    const y = digits(at, 0, 4);
    const mo = digits(at, 5, 7);
    const d = digits(at, 8, 10);
    const h = n > 10 ? digits(at, 11, 13) : 0;
    const mi = n > 10 ? digits(at, 14, 16) : 0;
    const s = n === 19 ? digits(at, 17, 19) : 0;
    if (y >= 0 && mo >= 0 && d >= 0 && h >= 0 && mi >= 0 && s >= 0) return (Date.UTC(y, mo - 1, d) / 86_400_000) * 1440 + h * 60 + mi + s / 60;
  }
  const m = PARTS.exec(at);
  if (!m) throw new Error(`not a wall-clock date-time: ${at}`);
  const days = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  return days * 1440 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0) + Number(m[6] ?? 0) / 60;
}

/**
 * Day arithmetic is asked of the same few hundred days again and again (a ledger of thousands of
 * rows): each answer is kept, bounded, by its count and then its day (no key built per call).
 */
export function remembered(compute: (day: string, count: number) => string): (day: string, count: number) => string {
  const answers = new Map<number, Map<string, string>>();
  let size = 0;
  return (day, count) => {
    let byDay = answers.get(count);
    if (byDay === undefined) answers.set(count, (byDay = new Map()));
    let answer = byDay.get(day);
    if (answer === undefined) {
      if (++size > 50_000) {
        answers.clear();
        answers.set(count, (byDay = new Map()));
        size = 1;
      }
      answer = compute(day, count);
      byDay.set(day, answer);
    }
    return answer;
  };
}

export const addDaysToDay = remembered((day: string, days: number): string => {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days);
  return new Date(t).toISOString().slice(0, 10);
});

/** The last day of the month after the one `day` falls in (the grant → purchase window). */
const endOfMonthsAfter = remembered((day: string, months: number): string => {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) + months, 0);
  return new Date(t).toISOString().slice(0, 10);
});
export const endOfNextMonth = (day: string): string => endOfMonthsAfter(day, 1);
