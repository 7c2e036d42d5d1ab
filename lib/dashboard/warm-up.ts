// A table like the site's, read once while the page is still loading: the reader's code is
// compiled and the first locale's date forms are built before the real table arrives, so the
// first read of a thousand rows (whose badges go in the table's first frame) is not a cold one.
// The sample is two rows in the site's own forms; whether it reads does not matter.
import { INVOICE_COLUMNS } from './pages/billing-history';
import { GRANT_COLUMNS } from './pages/credit-grants';
import { pageUrl, readPageWithAnchors, type PageKind, type PageRead, type ReadOptions } from './pages';

const at = Date.UTC(2026, 10, 3, 13, 2);
const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
const TIME: Intl.DateTimeFormatOptions = { ...DAY, hour: 'numeric', minute: '2-digit' };

/** Column → header word and a sample value, for the pages with a table. */
function sample(kind: PageKind, day: string, time: string): [string, string][] | null {
  const word = (columns: Record<string, readonly string[]>, name: string) => columns[name]![0]!;
  if (kind === 'credit-grants') {
    return [
      [word(GRANT_COLUMNS, 'date'), day],
      [word(GRANT_COLUMNS, 'state'), 'Available'],
      [word(GRANT_COLUMNS, 'balance'), '$5.00 / $10.00'],
      [word(GRANT_COLUMNS, 'expires'), day],
    ];
  }
  if (kind === 'billing-history') {
    return [
      [word(INVOICE_COLUMNS, 'number'), 'A1B2C3D4-0001'],
      [word(INVOICE_COLUMNS, 'status'), 'Paid'],
      [word(INVOICE_COLUMNS, 'amount'), '$10.89'],
      [word(INVOICE_COLUMNS, 'created'), time],
    ];
  }
  return null;
}

/** Read a small table of `kind`, built apart from `page`, with `options` (the browser's locales); the read is only for tests. */
export function warmUpReader(page: Document, kind: PageKind, options: ReadOptions): PageRead | null {
  const locale = options.locales?.[0] ?? 'en-US';
  let cells: [string, string][] | null;
  try {
    cells = sample(kind, new Intl.DateTimeFormat(locale, DAY).format(at), new Intl.DateTimeFormat(locale, TIME).format(at));
  } catch {
    return null; // a locale Intl does not know: the real read will say so
  }
  if (!cells) return null;
  const doc = page.implementation.createHTMLDocument('');
  const table = doc.body.appendChild(doc.createElement('table'));
  const head = table.createTHead().insertRow();
  for (const [header] of cells) head.appendChild(doc.createElement('th')).textContent = header;
  const body = table.createTBody();
  for (let r = 0; r < 2; r++) {
    const row = body.insertRow();
    for (const [, value] of cells) row.insertCell().textContent = value;
  }
  return readPageWithAnchors(doc, kind, pageUrl(kind), '2026-11-03T13:02:00', options);
}
