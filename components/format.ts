// Money and dates for display, in the browser's locale. Values arrive as integer cents and
// wall-clock strings; Dates are built from their numeric parts, never parsed from text, and
// formatted as the same wall clock in UTC, so no time zone (nor a daylight-saving gap) moves them.
import { decimal } from '../lib/dashboard/money';
import type { Formats } from '../lib/exports/wording';

export { plural } from '../lib/exports/wording';

const currency = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'UTC' });

/** YYYY-MM-DD[THH:mm[:ss]] as the instant whose UTC wall clock it is (for formatting only). */
function asUtc(at: string): Date {
  const n = at.split(/[-T:]/).map(Number);
  return new Date(Date.UTC(n[0]!, n[1]! - 1, n[2]!, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0));
}

export function money(cents: number): string {
  // Intl formats a decimal string exactly: no float ever holds the amount.
  return currency.format(decimal(cents) as unknown as number);
}

export function wall(at: string): string {
  return at.length > 10 ? dateTime.format(asUtc(at)) : dateOnly.format(asUtc(at));
}

export function clock(at: string): string {
  return timeOnly.format(asUtc(at));
}

export function day(d: string): string {
  return dateOnly.format(asUtc(d.slice(0, 10)));
}

/** The browser's formats, for the words of lib/exports/wording.ts. */
export const UI: Formats = { money, wall, day };
