// Unused credit that expires soon.
import { formatCents } from '../../dashboard/money';
import type { Alert } from '../../report-schema';
import type { GrantView } from '../views';
import { addDaysToDay, showDay } from '../../wall-clock';

export function expiringAlerts(grants: readonly GrantView[], today: string, days: number): Alert[] {
  const horizon = addDaysToDay(today, days);
  const soon = grants.filter((g) => g.state !== 'expired' && g.remainingCents > 0 && g.expiresOn !== null && g.expiresOn >= today && g.expiresOn <= horizon);
  if (!soon.length) return [];
  const total = soon.reduce((s, g) => s + g.remainingCents, 0);
  const last = soon.reduce((m, g) => (g.expiresOn! > m ? g.expiresOn! : m), today);
  const first = soon.reduce((m, g) => (g.expiresOn! < m ? g.expiresOn! : m), last);
  return [
    {
      kind: 'credits-expiring',
      severity: 'warning',
      invoices: [],
      grants: soon.map((g) => g.id),
      message: `${formatCents(total)} of unused credit in ${soon.length} grant${soon.length === 1 ? '' : 's'} expires ${first === last ? `on ${showDay(first)}` : `between ${showDay(first)} and ${showDay(last)}`}. Expired credit is not refunded.`,
    },
  ];
}
