// Which page of a paged table a page shows, from its markers: "Page 2 of 3", "21–25 of 25",
// "Showing 21 to 25 of 25" near the table, or ARIA row numbers (aria-rowindex / aria-rowcount)
// on a grid. The ledger uses it to tell page 2 from a re-read of page 1 (lib/ledger/table-pages.ts).
// The real pages' paging is not confirmed (reference/billing-pages.md only names "Previous/Next
// invoices page"): these forms are assumed, and a page without any is simply not placed.
import type { TablePosition } from './snapshot';
import { cleanText, words } from './text';

const PAGE_OF = /\bpage\s+(\d{1,6})\s*(?:of|\/)\s*(\d{1,6})\b/i;
const ROWS_OF = /\b(\d{1,7})\s*(?:[–—-]|to)\s*(\d{1,7})\s+of\s+(\d{1,7})\b/i;
const GRIDS = new Set(['table', 'grid', 'treegrid', 'rowgroup', 'row']);

const num = (s: string | undefined) => (s === undefined ? null : Number(s));

function fromText(text: string): TablePosition | null {
  const rows = ROWS_OF.exec(text);
  if (rows) {
    const [first, last, total] = [num(rows[1])!, num(rows[2])!, num(rows[3])!];
    if (first >= 1 && first <= last && last <= total) return { firstRow: first, page: null, pages: null, totalRows: total };
  }
  const page = PAGE_OF.exec(text);
  if (page) {
    const [n, of] = [num(page[1])!, num(page[2])!];
    if (n >= 1 && n <= of) return { firstRow: null, page: n, pages: of, totalRows: null };
  }
  return null;
}

/** An element's text with a space between its parts ("Page 2 of 3" + "Next" must not run together). */
function spacedText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else if (node.nodeType === 1) node.childNodes.forEach(walk);
  };
  walk(el);
  return cleanText(parts.join(' '), 120);
}

/** Short texts outside tables, in page order: where paging markers are. */
function findInText(el: Element): TablePosition | null {
  const tag = el.tagName.toUpperCase();
  if (tag === 'TABLE' || GRIDS.has(el.getAttribute('role') ?? '') || ['SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD'].includes(tag)) return null;
  // A part holding a table is looked into, never read whole (its text is the whole table's).
  if (!el.querySelector('table, [role="table"], [role="grid"], [role="row"]')) {
    const text = el.textContent ?? '';
    if (text.length <= 80) return /\d/.test(text) ? fromText(spacedText(el)) : null;
  }
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    const found = findInText(child);
    if (found) return found;
  }
  return null;
}

/** ARIA row numbers: the first data row's aria-rowindex, and the grid's aria-rowcount. */
function fromAria(root: Document | Element): TablePosition | null {
  const grid = root.querySelector('[aria-rowcount]');
  if (!grid) return null;
  const rows = Array.from(grid.querySelectorAll('[role="row"][aria-rowindex], tr[aria-rowindex]'));
  const headers = rows.filter((r) => r.querySelector('[role="columnheader"], th'));
  const data = rows.find((r) => !headers.includes(r));
  const count = Number(grid.getAttribute('aria-rowcount'));
  const index = Number(data?.getAttribute('aria-rowindex'));
  if (!data || !Number.isInteger(index) || index < 1) return null;
  const above = Math.max(headers.length, 1); // rows numbered from the header row
  const firstRow = index - above;
  const totalRows = Number.isInteger(count) && count > 0 ? count - above : null;
  if (firstRow < 1 || (totalRows !== null && firstRow > totalRows)) return null;
  return { firstRow, page: null, pages: null, totalRows };
}

// A pager's controls: "Next invoices page" / "Previous invoices page" (reference: M), or any
// "next"/"previous" control that names a page or sits in a pagination landmark.
const PAGER_WORD = /^(?:go to )?(next|previous|prev)\b/;
const PAGE_CONTEXT = /\bpages?\b|\bpagination\b/;

function pagerControls(root: Document | Element): { next: boolean | null; previous: boolean | null } {
  const found = { next: null as boolean | null, previous: null as boolean | null };
  for (const el of Array.from(root.querySelectorAll('button, a, [role="button"], [role="link"]'))) {
    const label = words(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent);
    const m = PAGER_WORD.exec(label);
    if (!m) continue;
    const landmark = el.closest('nav, [role="navigation"]');
    if (!PAGE_CONTEXT.test(label) && !PAGE_CONTEXT.test(words(landmark?.getAttribute('aria-label') ?? ''))) continue;
    const enabled = !el.hasAttribute('disabled') && el.getAttribute('aria-disabled') !== 'true';
    const which = m[1] === 'next' ? 'next' : 'previous';
    found[which] = (found[which] ?? false) || enabled;
  }
  return found;
}

export function readTablePosition(root: Document | Element): TablePosition | null {
  const top = 'documentElement' in root ? root.documentElement : root;
  const marked = fromAria(root) ?? (top ? findInText(top) : null);
  const pager = pagerControls(root);
  if (pager.next === null && pager.previous === null) return marked;
  return { ...(marked ?? { firstRow: null, page: null, pages: null, totalRows: null }), ...pager };
}
