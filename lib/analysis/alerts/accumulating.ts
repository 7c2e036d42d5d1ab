// Available credit keeps growing while recharges continue: recharges are adding unused credit.
import { formatCents } from '../../dashboard/money';
import type { Alert } from '../../report-schema';
import type { BoundAtRecharge } from '../balance-bound';
import { showWall } from '../../wall-clock';

export function accumulatingAlerts(bounds: readonly BoundAtRecharge[]): Alert[] {
  const alerts: Alert[] = [];
  let run: BoundAtRecharge[] = [];
  const flush = (): void => {
    if (run.length >= 3 && run[run.length - 1]!.boundCents > run[0]!.boundCents) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      alerts.push({
        kind: 'credits-accumulating',
        severity: 'warning',
        invoices: run.map((b) => b.invoice.number),
        grants: [],
        message:
          `Unused credit grew from at least ${formatCents(first.boundCents)} to at least ${formatCents(last.boundCents)} across ${run.length} recharges ` +
          `(${showWall(first.invoice.createdAt)} to ${showWall(last.invoice.createdAt)}): each recharge added credit that was not being used.`,
      });
    }
    run = [];
  };
  for (const b of bounds) {
    const prev = run[run.length - 1];
    if (prev && b.boundCents <= prev.boundCents) flush();
    if (b.boundCents > 0) run.push(b);
    else flush();
  }
  flush();
  return alerts;
}
