// Data for the timeline: each payment on a time axis, with the proven lower bound of the balance
// at that moment, against the auto-recharge threshold.
import { wallMinutes } from '../wall-clock';
import type { Report } from '../report-schema';
import { flaggedCharges } from './flagged';

export interface TimelinePoint {
  invoice: string;
  at: string;
  minutes: number;
  totalCents: number;
  /** The lower bound of unused credit at this payment; null when the credit grants were not read. */
  boundCents: number | null;
  flagged: boolean;
}

export function timelinePoints(r: Report): TimelinePoint[] {
  const bounds = new Map(r.unusedAtPayment.map((u) => [u.invoice, u.unusedCents]));
  const flagged = new Set(flaggedCharges(r).map((f) => f.invoice));
  return r.invoices
    .filter((i) => i.charge !== 'not-a-charge')
    .map((i) => ({ invoice: i.number, at: i.createdAt, minutes: wallMinutes(i.createdAt), totalCents: i.totalCents, boundCents: bounds.get(i.number) ?? null, flagged: flagged.has(i.number) }))
    .sort((a, b) => a.minutes - b.minutes);
}
