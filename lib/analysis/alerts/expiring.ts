// Unused credit that expires soon.
import type { Alert } from '../../report-schema';
import { PLAIN } from '../../exports/english';
import { alertMessage } from '../../exports/wording';
import type { GrantView } from '../views';
import { addDaysToDay } from '../../wall-clock';

export function expiringAlerts(grants: readonly GrantView[], today: string, days: number): Alert[] {
  const horizon = addDaysToDay(today, days);
  const soon = grants.filter((g) => g.state !== 'expired' && g.remainingCents > 0 && g.expiresOn !== null && g.expiresOn >= today && g.expiresOn <= horizon);
  if (!soon.length) return [];
  const total = soon.reduce((s, g) => s + g.remainingCents, 0);
  const last = soon.reduce((m, g) => (g.expiresOn! > m ? g.expiresOn! : m), today);
  const first = soon.reduce((m, g) => (g.expiresOn! < m ? g.expiresOn! : m), last);
  const facts = { code: 'credits-expiring' as const, totalCents: total, grantCount: soon.length, first, last };
  return [{ kind: 'credits-expiring', severity: 'warning', invoices: [], grants: soon.map((g) => g.id), message: alertMessage(facts, [], PLAIN), facts }];
}
