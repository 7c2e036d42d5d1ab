// "Download CSV": one row per grant with the purchase that bought it and its tax, the money's
// currency, the invoice's own page, and whether a critical alert flags that purchase.
import { decimal } from '../dashboard/money';
import type { Report } from '../report-schema';
import { accountCurrency } from './currency';
import { flaggedCharges } from './flagged';
import { safeLink } from './links';

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
/** Blanks a spreadsheet skips before it reads a cell: spaces, tabs, newlines, their wide forms. */
const LEADING_BLANKS = /^[\s\u00A0\u1680\u180E\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]*/;
/** What makes a spreadsheet run a cell as a formula: = + - @, in ASCII or fullwidth. */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Quote for CSV, drop control characters, and defuse cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const clean = value.replace(CONTROLS, '');
  const rest = clean.replace(LEADING_BLANKS, '');
  const risky = !PLAIN_NUMBER.test(clean) && (FORMULA_START.test(rest) || /^[\t\r\n]/.test(clean));
  const safe = risky ? `'${clean}` : clean;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLines(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

// New columns go at the end: a spreadsheet built on the first twelve keeps working.
export const CSV_HEADER = ['displayed_date', 'state', 'amount', 'remaining', 'used', 'expires_on', 'invoice', 'paid_at', 'invoice_total', 'tax', 'confidence', 'note', 'currency', 'invoice_url', 'flagged'];

export function grantsCsv(r: Report): string {
  const currency = accountCurrency(r);
  const invoices = new Map(r.invoices.map((i) => [i.number, i]));
  const flagged = new Set(flaggedCharges(r).map((f) => f.invoice));
  const rows = r.grants.map((g) => {
    const invoice = g.purchase ? invoices.get(g.purchase.invoice) : undefined;
    return [
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
      invoice?.currency ?? currency,
      // Only links to the hosts that serve invoices (lib/exports/links.ts), like the badges.
      safeLink(invoice?.url) ?? '',
      g.purchase && flagged.has(g.purchase.invoice) ? 'yes' : '',
    ];
  });
  return csvLines([CSV_HEADER, ...rows]);
}
