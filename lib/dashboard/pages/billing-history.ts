// The billing history: one row per invoice, with the real payment time and the total with tax.
// Paged ("Previous/Next invoices page"): each page read is a part of the history; the ledger
// merges them row by row.
import type { DateOptions } from '../dates';
import { formatCents, parseMoney } from '../money';
import { readTable } from '../read-table';
import { cell, rowLink, statusCell } from '../rows';
import type { InvoiceRow, InvoiceStatus } from '../snapshot';
import { quote, words } from '../text';
import { ASSUMED, columnSpec, meaning, said, tablePart, texts, type PageDescriptor, type PagePart } from './descriptor';
import { REF } from './evidence';

const STATUSES = [
  ...meaning<InvoiceStatus>('paid', REF.invoicePaid, 'paid'),
  ...meaning<InvoiceStatus>('open', REF.invoiceStripe, 'open', 'draft'),
  ...meaning<InvoiceStatus>('void', REF.invoiceStripe, 'void'),
  ...meaning<InvoiceStatus>('failed', REF.invoiceStripe, 'uncollectible'),
  ...meaning<InvoiceStatus>('refunded', REF.invoiceStripe, 'refunded'),
  ...meaning<InvoiceStatus>('partially-refunded', ASSUMED, 'partially refunded'),
  ...meaning<InvoiceStatus>('failed', ASSUMED, 'failed'),
];

const VOCABULARY = {
  // The date first: "Invoice date" is a date, not the invoice number.
  'column:created': [...said(REF.invoiceHeaders, 'created'), ...said(ASSUMED, 'date', 'invoice date')],
  'column:number': [...said(REF.invoiceHeaders, 'invoice'), ...said(REF.invoiceJson, 'number')],
  'column:status': said(REF.invoiceHeaders, 'status'),
  'column:amount': said(REF.invoiceHeaders, 'amount'),
  'column:tax': said(REF.invoiceJson, 'tax'),
  'column:total': said(REF.invoiceJson, 'total'),
  status: STATUSES,
  link: [...said(REF.viewLink, 'view'), ...said(ASSUMED, 'view invoice')],
  empty: said(REF.invoicesEmpty, 'no invoices found'),
  identifying: said(REF.historySubtitle, 'showing invoices'),
};
const COLUMNS = columnSpec(VOCABULARY);
const REQUIRED = [['number'], ['amount', 'total'], ['created']] as const;
const LINK_WORDS = texts(VOCABULARY.link);

const INVOICE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;
const statusOf = (text: string) => STATUSES.find((s) => s.text === words(text));

export function readInvoices(root: Document | Element, options: DateOptions = {}): PagePart {
  const used = new Set<string>();
  const read = readTable<InvoiceRow>(
    root,
    {
      name: 'Billing history',
      columns: COLUMNS,
      required: REQUIRED,
      dates: { created: 'dateTime' },
      missing: { status: 'no Status column; statuses are recorded as "other".' },
      // "Amount | Tax | Total": the total is Total. An Amount beside a Tax column may be before tax.
      check: (columns) => ('tax' in columns && 'amount' in columns && !('total' in columns) ? 'a Tax column is shown beside Amount but no Total: each Amount is taken as the invoice total, which may leave out the tax.' : null),
      row(row, columns, note, dates) {
        const number = cell(row, columns, 'number') ?? '';
        if (!INVOICE_NUMBER.test(number)) return `the invoice number ${quote(number)} is not one`;
        const totalText = cell(row, columns, 'total') ?? cell(row, columns, 'amount') ?? '';
        const total = parseMoney(totalText);
        if (!total) return `the ${'total' in columns ? 'total' : 'amount'} ${quote(totalText)} is not an amount of money`;
        const created = dates.dateTime(cell(row, columns, 'created') ?? '');
        if (!created.ok) return created.reason;
        if ('total' in columns && 'amount' in columns && 'tax' in columns) {
          const amount = parseMoney(cell(row, columns, 'amount') ?? '');
          const tax = parseMoney(cell(row, columns, 'tax') ?? '');
          const adds = amount && tax && amount.currency === total.currency && tax.currency === total.currency && amount.cents + tax.cents === total.cents;
          if (!adds) note(`Amount ${quote(cell(row, columns, 'amount') ?? '')} and Tax ${quote(cell(row, columns, 'tax') ?? '')} do not add up to the Total ${formatCents(total.cents, total.currency)}; the Total is recorded`);
        }
        const statusText = statusCell(row, columns, 'status', (t) => statusOf(t) !== undefined) ?? '';
        const status = statusOf(statusText);
        if (status) used.add(`status:${status.text}`);
        else if ('status' in columns) note(statusText ? `the status ${quote(statusText)} is not one Credit Lens knows; recorded as "other"` : 'no status is shown; recorded as "other"');
        const link = rowLink(row, LINK_WORDS);
        if (link) used.add(`link:${link.word}`);
        return {
          number,
          status: status?.means ?? 'other',
          statusText,
          totalCents: total.cents,
          currency: total.currency,
          createdAt: created.value,
          ...(created.zone ? { zone: created.zone } : {}),
          url: link?.url ?? null,
        };
      },
    },
    options,
  );
  return tablePart(root, read, 'invoices', VOCABULARY, used);
}

export const billingHistory: PageDescriptor = {
  kind: 'billing-history',
  title: 'Billing history',
  why: 'to see what was paid, and when',
  paths: ['/settings/organization/billing/history', '/account/billing/history'],
  identifying: [...VOCABULARY.identifying, ...VOCABULARY.empty],
  vocabulary: VOCABULARY,
  read: readInvoices,
};

export const INVOICE_COLUMNS = COLUMNS;
export const INVOICE_REQUIRED = REQUIRED;
