// The billing history table: one row per invoice, with the real payment time and the total with tax.
import { parseDateTime } from './dates';
import { parseMoney } from './money';
import { readTable, type TableRead } from './read-table';
import { cell, rowLink } from './rows';
import type { InvoiceRow } from './snapshot';
import { invoiceStatusOf } from './statuses';
import type { ColumnSpec } from './tables';
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
  return readTable<InvoiceRow>(root, {
    name: 'Billing history',
    columns: INVOICE_COLUMNS,
    required: INVOICE_REQUIRED,
    missing: { status: 'no Status column; statuses are recorded as "other".' },
    row(row, columns, note) {
      const number = cell(row, columns, 'number') ?? '';
      if (!INVOICE_NUMBER.test(number)) return `the invoice number ${quote(number)} is not one`;
      const amountText = cell(row, columns, 'amount') ?? '';
      const amount = parseMoney(amountText);
      if (!amount) return `the amount ${quote(amountText)} is not an amount of money`;
      const created = parseDateTime(cell(row, columns, 'created') ?? '');
      if (!created.ok) return created.reason;
      if (amount.currency !== 'USD') note(`in ${amount.currency}; totals assume one currency`);
      const statusText = cell(row, columns, 'status') ?? '';
      return {
        number,
        status: invoiceStatusOf(statusText),
        statusText,
        totalCents: amount.cents,
        currency: amount.currency,
        createdAt: created.value,
        url: rowLink(row),
      };
    },
  });
}
