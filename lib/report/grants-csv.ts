// "Download CSV": one row per grant with the purchase that bought it and its tax.

/** Money as a plain decimal string, built from integer cents (no float arithmetic). */
export function decimal(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Quote for CSV, and defuse cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

import type { Report } from '../report-schema';

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
