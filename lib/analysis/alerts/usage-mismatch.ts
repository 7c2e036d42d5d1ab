// The usage page and the credit grants disagree; say why in plain words.
import { formatCents } from '../../dashboard/money';
import type { OrgLedger } from '../../ledger/schema';
import type { Alert } from '../../report-schema';
import type { InvoiceView } from '../views';
import { showDay } from '../../wall-clock';

export function usageMismatchAlerts(usage: OrgLedger['usage'], paid: readonly InvoiceView[], usedCents: number, availableCents: number): Alert[] {
  if (!usage) return [];
  const range = usage.from && usage.to ? `${showDay(usage.from)} – ${showDay(usage.to)}` : 'the range shown';
  const inRange = usage.from && usage.to ? paid.filter((i) => i.createdAt.slice(0, 10) >= usage.from! && i.createdAt.slice(0, 10) <= usage.to!) : paid;
  const paidInRange = inRange.reduce((s, i) => s + i.totalCents, 0);
  if (usage.totalSpendCents === 0 && paidInRange > 0) {
    return [
      {
        kind: 'usage-mismatch',
        severity: 'info',
        invoices: inRange.map((i) => i.number),
        grants: [],
        message:
          `Usage shows $0.00 for ${range} while ${formatCents(paidInRange)} was paid in that period. Payments buy credit; usage counts what the API spent. ` +
          `${usedCents === 0 ? 'The credit grants show nothing used' : `The credit grants show ${formatCents(usedCents)} used in all`}, and ${formatCents(availableCents)} is still available. ` +
          'If you did use the API then, check the usage page shows the same organization and no project filter, or wait: usage can lag.',
      },
    ];
  }
  if (usage.totalSpendCents > usedCents + 1) {
    return [
      {
        kind: 'usage-mismatch',
        severity: 'warning',
        invoices: [],
        grants: [],
        message: `Usage shows ${formatCents(usage.totalSpendCents)} for ${range}, more than the ${formatCents(usedCents)} the credit grants show used in all. Some usage may be billed another way, or the grants page was read before that usage.`,
      },
    ];
  }
  return [];
}
