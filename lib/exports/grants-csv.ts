// "Download CSV": one row per grant with the purchase that bought it and its tax.
import { decimal } from '../dashboard/money';
import type { Report } from '../report-schema';

/** Quote for CSV, and defuse cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = ['displayed_date', 'state', 'amount', 'remaining', 'used', 'expires_on', 'invoice', 'paid_at', 'invoice_total', 'tax', 'confidence', 'note'];

export function grantsCsv(r: Report): string {
  const rows = r.grants.map((g) => [
    g.displayedDate,
    g.state,
    decimal(g.amountCents),
    decimal(g.remainingCents),
    decimal(g.usedCents),
    g.expiresOn ?? '',
    g.purchase?.invoice ?? '',
    g.purchase?.paidAt ?? '',
    decimal(g.purchase?.totalCents),
    decimal(g.purchase?.taxCents),
    g.purchase?.confidence ?? '',
    g.unmatchedReason ?? '',
  ]);
  return `${[CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
