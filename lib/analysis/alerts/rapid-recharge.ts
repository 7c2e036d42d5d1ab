// Paid recharges closer together than a person would plausibly buy credit.
import { formatCents } from '../../dashboard/money';
import type { Alert } from '../../report-schema';
import type { Settings } from '../settings';
import type { InvoiceView } from '../views';
import { showWall, wallMinutes } from '../../wall-clock';

/** Does some window of `minutes` hold `count` charges? (times sorted ascending) */
function dense(times: number[], count: number, minutes: number): boolean {
  for (let i = 0; i + count - 1 < times.length; i++) if (times[i + count - 1]! - times[i]! <= minutes) return true;
  return false;
}

export function rapidRechargeAlerts(paid: readonly InvoiceView[], settings: Settings): Alert[] {
  const sorted = [...paid].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const alerts: Alert[] = [];
  const gap = Math.max(settings.rapidWindowMinutes, settings.rapidShortWindowMinutes);
  let burst: InvoiceView[] = [];
  const flush = (): void => {
    const times = burst.map((i) => wallMinutes(i.createdAt));
    if (burst.length >= 2 && (dense(times, settings.rapidCount, settings.rapidWindowMinutes) || dense(times, settings.rapidShortCount, settings.rapidShortWindowMinutes))) {
      const total = burst.reduce((sum, i) => sum + i.totalCents, 0);
      const hours = (times[times.length - 1]! - times[0]!) / 60;
      const span = hours < 1 ? `${Math.round(hours * 60)} minutes` : `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} hours`;
      const list = burst.slice(0, 25).map((i) => i.number);
      alerts.push({
        kind: 'rapid-recharge',
        severity: burst.length >= 5 && hours <= 24 ? 'critical' : 'warning',
        invoices: burst.map((i) => i.number),
        grants: [],
        message:
          `${burst.length} charges in ${span} (${showWall(burst[0]!.createdAt)} to ${showWall(burst[burst.length - 1]!.createdAt)}), ${formatCents(total)} in all: ` +
          `invoices ${list.join(', ')}${burst.length > 25 ? ` and ${burst.length - 25} more` : ''}. ` +
          'Auto-recharge should charge once when the balance falls below its threshold; charges this close together suggest it misfired.',
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
