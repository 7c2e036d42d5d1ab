// The usage page and the credit grants disagree; say why in plain words.
import type { OrgLedger } from '../../ledger/schema';
import type { Alert } from '../../report-schema';
import { PLAIN } from '../../exports/english';
import { alertMessage } from '../../exports/wording';
import type { InvoiceView } from '../views';

export function usageMismatchAlerts(usage: OrgLedger['usage'], charges: readonly InvoiceView[], grantsRead: boolean, usedCents: number, availableCents: number): Alert[] {
  if (!usage) return [];
  const inRange = usage.from && usage.to ? charges.filter((i) => i.createdAt.slice(0, 10) >= usage.from! && i.createdAt.slice(0, 10) <= usage.to!) : charges;
  const paidInRange = inRange.reduce((s, i) => s + i.totalCents, 0);
  if (usage.totalSpendCents === 0 && paidInRange > 0) {
    const invoices = inRange.map((i) => i.number);
    const facts = { code: 'usage-zero' as const, from: usage.from, to: usage.to, paidCents: paidInRange, grantsRead, usedCents, availableCents };
    return [{ kind: 'usage-mismatch', severity: 'info', invoices, grants: [], message: alertMessage(facts, invoices, PLAIN), facts }];
  }
  // Only the grants page can say what was used: without it there is nothing to compare.
  if (grantsRead && usage.totalSpendCents > usedCents + 1) {
    const facts = { code: 'usage-above-used' as const, from: usage.from, to: usage.to, usageCents: usage.totalSpendCents, usedCents };
    return [{ kind: 'usage-mismatch', severity: 'warning', invoices: [], grants: [], message: alertMessage(facts, [], PLAIN), facts }];
  }
  return [];
}
