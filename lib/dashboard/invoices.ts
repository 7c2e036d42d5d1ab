// The billing history table: one row per invoice, with the real payment time and the total with tax.
import { parseDateTime } from './dates';
import type { TableRead } from './grants';
import { parseMoney } from './money';
import { cell, dataRows, describeRow, REORDERED_REASON, rowLink } from './rows';
import type { InvoiceRow } from './snapshot';
import { invoiceStatusOf } from './statuses';
import { findTable, type ColumnSpec } from './tables';
import { quote } from './text';

export const INVOICE_COLUMNS: ColumnSpec = {
  number: ['invoice', 'invoice number', 'invoice #', 'number', 'invoice id', '#'],
  status: ['status', 'state'],
  amount: ['amount', 'total', 'amount due', 'amount paid', 'price'],
  created: ['created', 'date', 'created at', 'created on', 'issued', 'invoice date', 'paid on', 'billed'],
};
export const INVOICE_REQUIRED = [['number'], ['amount'], ['created']] as const;

const INVOICE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;

export function readInvoices(root: Document | Element): TableRead<InvoiceRow> {
  const found = findTable(root, INVOICE_COLUMNS, INVOICE_REQUIRED);
  if (!found.ok) return { found: false, rows: [], warnings: [`Billing history: ${found.reason}.`], anchors: [] };
  const { grid, columns } = found;
  const warnings: string[] = [];
  if (!('status' in columns)) warnings.push('Billing history: no Status column; statuses are recorded as "other".');
  const rows: InvoiceRow[] = [];
  const anchors: Element[] = [];
  for (const row of dataRows(grid)) {
    const problem = (why: string) => warnings.push(`${describeRow('Billing history', row)} was not recorded: ${why}.`);
    if (row.reordered) {
      problem(REORDERED_REASON);
      continue;
    }
    const number = cell(row, columns, 'number') ?? '';
    if (!INVOICE_NUMBER.test(number)) {
      problem(`the invoice number ${quote(number)} is not one`);
      continue;
    }
    const amountText = cell(row, columns, 'amount') ?? '';
    const amount = parseMoney(amountText);
    if (!amount) {
      problem(`the amount ${quote(amountText)} is not an amount of money`);
      continue;
    }
    const created = parseDateTime(cell(row, columns, 'created') ?? '');
    if (!created.ok) {
      problem(created.reason);
      continue;
    }
    if (amount.currency !== 'USD') warnings.push(`${describeRow('Billing history', row)} is in ${amount.currency}; totals assume one currency.`);
    const statusText = cell(row, columns, 'status') ?? '';
    rows.push({
      position: rows.length,
      number,
      status: invoiceStatusOf(statusText),
      statusText,
      totalCents: amount.cents,
      currency: amount.currency,
      createdAt: created.value,
      url: rowLink(row),
    });
    anchors.push(row.anchor);
  }
  return { found: true, rows, warnings, anchors };
}
