// A paid invoice that bought no grant that was seen.
import { formatCents } from '../../dashboard/money';
import type { Alert } from '../../report-schema';
import type { InvoiceView } from '../views';
import { showWall } from '../../wall-clock';

export function unmatchedChargeAlerts(paid: readonly InvoiceView[], grantsOf: ReadonlyMap<string, string[]>, grantsSeenAt: string | null): Alert[] {
  if (grantsSeenAt === null) return []; // Without the grants page nothing can match: a report warning says so.
  return paid
    .filter((i) => !grantsOf.has(i.number))
    .map((i) => {
      const after = i.createdAt > grantsSeenAt;
      return {
        kind: 'unmatched-charge' as const,
        severity: after ? ('info' as const) : ('warning' as const),
        invoices: [i.number],
        grants: [],
        message: after
          ? `Invoice ${i.number} (${formatCents(i.totalCents)}, ${showWall(i.createdAt)}) was paid after the credit grants page was last read: open it to see its grant.`
          : `Invoice ${i.number} (${formatCents(i.totalCents)}, paid ${showWall(i.createdAt)}) bought no credit grant that Credit Lens has seen. Ask support what it paid for.`,
      };
    });
}
