// The monthly statement (contract: `--format statement`): one CSV row per calendar month that
// has an invoice or a grant, oldest first, and a `total` row. Invoices count in the month of
// their date; grants in the month of their purchase, else of their displayed date. Every column
// sums the report's own per-row figures, so the total row equals the report's totals.
import { decimal } from '../dashboard/money';
import type { Report } from '../report-schema';
import { flaggedCharges } from './flagged';
import { csvLines } from './grants-csv';

export const STATEMENT_HEADER = ['month', 'invoices', 'paid', 'tax', 'credit_bought', 'refunded', 'flagged_charges', 'flagged_amount', 'credit_expired'] as const;

interface Month {
  invoices: number;
  paid: number;
  tax: number;
  creditBought: number;
  refunded: number;
  flaggedCharges: number;
  flaggedAmount: number;
  creditExpired: number;
}

const empty = (): Month => ({ invoices: 0, paid: 0, tax: 0, creditBought: 0, refunded: 0, flaggedCharges: 0, flaggedAmount: 0, creditExpired: 0 });

export function statementMonths(r: Report): Map<string, Month> {
  const months = new Map<string, Month>();
  const at = (month: string) => {
    let m = months.get(month);
    if (!m) months.set(month, (m = empty()));
    return m;
  };
  for (const i of r.invoices) {
    const m = at(i.createdAt.slice(0, 7));
    m.invoices += 1;
    m.paid += i.paidCents;
    m.tax += i.taxCents;
    m.refunded += i.refundedCents;
  }
  for (const g of r.grants) {
    const m = at((g.purchase?.paidAt ?? g.displayedDate).slice(0, 7));
    if (g.purchase) m.creditBought += g.amountCents;
    if (g.state === 'expired') m.creditExpired += g.remainingCents;
  }
  for (const f of flaggedCharges(r)) {
    const m = at(f.at.slice(0, 7));
    m.flaggedCharges += 1;
    m.flaggedAmount += f.totalCents;
  }
  return new Map([...months].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function monthlyStatement(r: Report): string {
  const months = statementMonths(r);
  const total = empty();
  const row = (label: string, m: Month) => [
    label,
    String(m.invoices),
    decimal(m.paid),
    decimal(m.tax),
    decimal(m.creditBought),
    decimal(m.refunded),
    String(m.flaggedCharges),
    decimal(m.flaggedAmount),
    decimal(m.creditExpired),
  ];
  const rows = [...months].map(([month, m]) => {
    for (const k of Object.keys(total) as (keyof Month)[]) total[k] += m[k];
    return row(month, m);
  });
  return csvLines([[...STATEMENT_HEADER], ...rows, row('total', total)]);
}
