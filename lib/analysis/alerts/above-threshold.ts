// A charge made while credit bought earlier provably held more than the threshold.
// Critical only when the claim needs nothing unread or assumed: the threshold and the target are
// known (overview or settings), the amount is one an auto-recharge adds (a purchase made by hand
// is never named), and none of it has come back. Otherwise it is a warning that says what is missing.
import type { Alert, ChargeKind } from '../../report-schema';
import { PLAIN } from '../../exports/english';
import { alertMessage } from '../../exports/wording';
import type { BoundAtRecharge } from '../balance-bound';
import type { RechargeRule } from '../charges';

export function aboveThresholdAlerts(bounds: readonly BoundAtRecharge[], rule: RechargeRule, kinds: ReadonlyMap<string, ChargeKind>, grantsOf: ReadonlyMap<string, string[]>): Alert[] {
  const threshold = rule.thresholdCents;
  if (threshold === null) return [];
  const alerts: Alert[] = [];
  for (const b of bounds) {
    const kind = kinds.get(b.invoice.number);
    if (b.boundCents <= threshold || (kind !== 'recharge' && kind !== 'unknown')) continue;
    const partlyRefunded = b.invoice.status === 'partially-refunded';
    const facts = {
      code: 'recharge-above-threshold' as const,
      invoice: b.invoice.number,
      at: b.invoice.createdAt,
      totalCents: b.invoice.totalCents,
      boundCents: b.boundCents,
      thresholdCents: threshold,
      thresholdFrom: rule.thresholdFrom,
      grantCount: b.grantCount,
      charge: kind,
      partlyRefunded,
    };
    alerts.push({
      kind: 'recharge-above-threshold',
      severity: kind === 'recharge' && !partlyRefunded ? 'critical' : 'warning',
      invoices: [b.invoice.number],
      grants: [...(grantsOf.get(b.invoice.number) ?? []), ...b.grantIds],
      boundCents: b.boundCents,
      message: alertMessage(facts, [b.invoice.number], PLAIN),
      facts,
    });
  }
  return alerts;
}
