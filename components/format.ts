// Money and dates for display, in the browser's locale. Values arrive as integer cents and
// wall-clock strings; Dates are built from their numeric parts, never parsed from text.
import { decimal } from '../lib/dashboard/money';
import { wallDate } from '../lib/wall-clock';

const currency = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function money(cents: number): string {
  // Intl formats a decimal string exactly: no float ever holds the amount.
  return currency.format(decimal(cents) as unknown as number);
}


export function wall(at: string): string {
  return at.length > 10 ? dateTime.format(wallDate(at)) : dateOnly.format(wallDate(at));
}

export function clock(at: string): string {
  return timeOnly.format(wallDate(at));
}

export function day(d: string): string {
  return dateOnly.format(wallDate(d.slice(0, 10)));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
