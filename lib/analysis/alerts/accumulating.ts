// Available credit keeps growing while recharges continue: recharges are adding unused credit.
import type { Alert } from '../../report-schema';
import { PLAIN } from '../../exports/english';
import { alertMessage } from '../../exports/wording';
import type { BoundAtRecharge } from '../balance-bound';

export function accumulatingAlerts(bounds: readonly BoundAtRecharge[]): Alert[] {
  const alerts: Alert[] = [];
  let run: BoundAtRecharge[] = [];
  const flush = (): void => {
    if (run.length >= 3 && run[run.length - 1]!.boundCents > run[0]!.boundCents) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const invoices = run.map((b) => b.invoice.number);
      const facts = {
        code: 'credits-accumulating' as const,
        fromCents: first.boundCents,
        toCents: last.boundCents,
        count: run.length,
        from: first.invoice.createdAt,
        to: last.invoice.createdAt,
      };
      alerts.push({ kind: 'credits-accumulating', severity: 'warning', invoices, grants: [], message: alertMessage(facts, invoices, PLAIN), facts });
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
