// A charge that bought no grant that was seen.
import type { Alert } from '../../report-schema';
import { PLAIN } from '../../exports/english';
import { alertMessage } from '../../exports/wording';
import type { InvoiceView } from '../views';

/** `grantsSeenAt`: when the credit grants page was last (provably) read; null when never. */
export function unmatchedChargeAlerts(charges: readonly InvoiceView[], grantsOf: ReadonlyMap<string, string[]>, grantsSeenAt: string | null): Alert[] {
  if (grantsSeenAt === null) return []; // Without the grants page nothing can match: a report note says so.
  return charges
    .filter((i) => !grantsOf.has(i.number))
    .map((i) => {
      const after = i.createdAt > grantsSeenAt;
      const facts = { code: 'unmatched-charge' as const, invoice: i.number, at: i.createdAt, totalCents: i.totalCents, afterGrantsRead: after };
      return {
        kind: 'unmatched-charge' as const,
        severity: after ? ('info' as const) : ('warning' as const),
        invoices: [i.number],
        grants: [],
        message: alertMessage(facts, [i.number], PLAIN),
        facts,
      };
    });
}
