// Whether a grant's expiry fits credit bought at a given time. Purchased credit expires about
// a year after purchase, rounded to a month end (billing-pages.md; seen as "bought Nov 3, expires
// Nov 1 next year" and as the end of that month): so between 11 and 13 months after the day it
// was paid, to the end of that month. Promotional credit shows other expiries (often 3 months):
// a grant whose expiry fits no purchase on or after its date took no invoice.
import { remembered } from '../wall-clock';

/** The same day `months` later (clamped to the month's end), YYYY-MM-DD, by calendar arithmetic. */
export const addMonthsToDay = remembered((day: string, months: number): string => {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(Number(day.slice(8, 10)), last);
  return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
});

const endOfMonthAfter = remembered((day: string, months: number): string => {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  return new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
});

/** Could a grant expiring on `expiresOn` have been bought on `paidDay`? (Unknown expiry: yes.) */
export function expiryFitsPurchase(expiresOn: string | null, paidDay: string): boolean {
  if (expiresOn === null) return true;
  return expiresOn >= addMonthsToDay(paidDay, 11) && expiresOn <= endOfMonthAfter(paidDay, 13);
}

/** Could it have been bought at all between its displayed date and `latestDay`? */
export function expiryFitsSomePurchase(expiresOn: string | null, displayedDate: string, latestDay: string): boolean {
  if (expiresOn === null) return true;
  return expiresOn >= addMonthsToDay(displayedDate, 11) && expiresOn <= endOfMonthAfter(latestDay, 13);
}
