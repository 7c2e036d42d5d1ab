// A recharge made while credit bought earlier provably held more than the threshold.
import { formatCents } from '../../dashboard/money';
import type { Alert } from '../../report-schema';
import type { BoundAtRecharge } from '../balance-bound';
import { showWall } from '../../wall-clock';

export function aboveThresholdAlerts(bounds: readonly BoundAtRecharge[], thresholdCents: number, grantsOf: ReadonlyMap<string, string[]>): Alert[] {
  return bounds
    .filter((b) => b.boundCents > thresholdCents)
    .map((b) => ({
      kind: 'recharge-above-threshold' as const,
      severity: 'critical' as const,
      invoices: [b.invoice.number],
      grants: [...(grantsOf.get(b.invoice.number) ?? []), ...b.grantIds],
      boundCents: b.boundCents,
      message:
        `Charged ${formatCents(b.invoice.totalCents)} on ${showWall(b.invoice.createdAt)} (invoice ${b.invoice.number}) while at least ` +
        `${formatCents(b.boundCents)} of earlier credit was unused (threshold ${formatCents(thresholdCents)}). ` +
        `The credit grants page still shows that much left in ${b.grantCount} grant${b.grantCount === 1 ? '' : 's'} bought before this charge, so the balance never fell below the threshold.`,
    }));
}
