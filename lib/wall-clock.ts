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

export function addDaysToDay(day: string, days: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days);
  return new Date(t).toISOString().slice(0, 10);
}

/** The last day of the month after the one `day` falls in (the grant → purchase window). */
export function endOfNextMonth(day: string): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) + 1, 0);
  return new Date(t).toISOString().slice(0, 10);
}
