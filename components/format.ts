// Money and dates for display, in the browser's locale. Values arrive as integer cents and
// wall-clock strings; Dates are built from their numeric parts, never parsed from text.
import { decimal } from '../lib/dashboard/money';

const currency = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function money(cents: number): string {
  // Intl formats a decimal string exactly: no float ever holds the amount.
  return currency.format(decimal(cents) as unknown as number);
}

function parts(at: string): Date {
  const n = at.split(/[-T:]/).map(Number);
  return new Date(n[0]!, n[1]! - 1, n[2]!, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0);
}

export function wall(at: string): string {
  return at.length > 10 ? dateTime.format(parts(at)) : dateOnly.format(parts(at));
}

export function clock(at: string): string {
  return timeOnly.format(parts(at));
}

export function day(d: string): string {
  return dateOnly.format(parts(d.slice(0, 10)));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
