// Recharges closer together than a person would plausibly buy credit (by default 3 within 24 h,
// or 2 within 60 min). Frequency alone proves nothing (heavy use recharges often too), so a burst
// is a warning; it is critical when at least CRITICAL_COUNT of its charges within CRITICAL_WINDOW
// were each charged while credit above the threshold was provably unused.
import type { Alert } from '../../report-schema';
import { PLAIN } from '../../exports/english';
import { alertMessage } from '../../exports/wording';
import type { Settings } from '../settings';
import type { InvoiceView } from '../views';
import { wallMinutes } from '../../wall-clock';

export const CRITICAL_COUNT = 5;
export const CRITICAL_WINDOW_MINUTES = 24 * 60;

/** Does some window of `minutes` hold `count` charges? (times sorted ascending) */
export function dense(times: readonly number[], count: number, minutes: number): boolean {
  for (let i = 0; i + count - 1 < times.length; i++) if (times[i + count - 1]! - times[i]! <= minutes) return true;
  return false;
}

export interface RapidEvidence {
  /** Invoices of critical recharge-above-threshold alerts (each a proof). */
  proven: ReadonlySet<string>;
  /** Invoices charged while credit above the threshold was unused (critical or not). */
  above: ReadonlySet<string>;
  grantsRead: boolean;
  thresholdKnown: boolean;
}

/**
 * `charges`: the charges an auto-recharge could have made (never a purchase made by hand, never
 * a failed or refunded payment).
 */
export function rapidRechargeAlerts(charges: readonly InvoiceView[], settings: Settings, evidence: RapidEvidence, marginMinutes = 0): Alert[] {
  // Times read in two time zones may be `marginMinutes` apart: a window holds charges only when
  // they are that much closer together than it.
  const within = (times: readonly number[], count: number, minutes: number) => minutes > marginMinutes && dense(times, count, minutes - marginMinutes);
  const sorted = [...charges].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.number < b.number ? -1 : 1));
  const alerts: Alert[] = [];
  const gap = Math.max(settings.rapidWindowMinutes, settings.rapidShortWindowMinutes);
  let burst: InvoiceView[] = [];
  const flush = (): void => {
    const times = burst.map((i) => wallMinutes(i.createdAt));
    if (burst.length >= 2 && (within(times, settings.rapidCount, settings.rapidWindowMinutes) || within(times, settings.rapidShortCount, settings.rapidShortWindowMinutes))) {
      const invoices = burst.map((i) => i.number);
      const provenTimes = burst.filter((i) => evidence.proven.has(i.number)).map((i) => wallMinutes(i.createdAt));
      const facts = {
        code: 'rapid-recharge' as const,
        count: burst.length,
        from: burst[0]!.createdAt,
        to: burst[burst.length - 1]!.createdAt,
        minutes: times[times.length - 1]! - times[0]!,
        totalCents: burst.reduce((sum, i) => sum + i.totalCents, 0),
        provenAbove: provenTimes.length,
        aboveThreshold: burst.filter((i) => evidence.above.has(i.number)).length,
        grantsRead: evidence.grantsRead,
        thresholdKnown: evidence.thresholdKnown,
      };
      alerts.push({
        kind: 'rapid-recharge',
        severity: within(provenTimes, CRITICAL_COUNT, CRITICAL_WINDOW_MINUTES) ? 'critical' : 'warning',
        invoices,
        grants: [],
        message: alertMessage(facts, invoices, PLAIN),
        facts,
      });
    }
    burst = [];
  };
  for (const inv of sorted) {
    const last = burst[burst.length - 1];
    if (last && wallMinutes(inv.createdAt) - wallMinutes(last.createdAt) > gap) flush();
    burst.push(inv);
  }
  flush();
  return alerts;
}
