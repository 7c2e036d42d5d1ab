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

/** Minutes since 1970-01-01T00:00 of the same wall clock. */
export function wallMinutes(at: string): number {
  const m = PARTS.exec(at);
  if (!m) throw new Error(`not a wall-clock date-time: ${at}`);
  const days = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  return days * 1440 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0) + Number(m[6] ?? 0) / 60;
}

/**
 * Day arithmetic is asked of the same few hundred days again and again (a ledger of thousands of
 * rows): each answer is kept, bounded.
 */
export function remembered<A extends (string | number)[]>(compute: (...args: A) => string): (...args: A) => string {
  const answers = new Map<string, string>();
  return (...args) => {
    const key = args.join('|');
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size > 50_000) answers.clear();
      answer = compute(...args);
      answers.set(key, answer);
    }
    return answer;
  };
}

export const addDaysToDay = remembered((day: string, days: number): string => {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days);
  return new Date(t).toISOString().slice(0, 10);
});

/** The last day of the month after the one `day` falls in (the grant → purchase window). */
export const endOfNextMonth = remembered((day: string): string => {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) + 1, 0);
  return new Date(t).toISOString().slice(0, 10);
});
