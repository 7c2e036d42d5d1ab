// Shared helpers for reading a found table row by row.
import type { Grid } from './tables';
import { cleanText, visibleText } from './text';

export interface RowContext {
  /** 1-based row number as a person would count it, for warnings. */
  number: number;
  cells: string[];
  element: Element;
  /** Where a badge for this row goes: its last cell. */
  anchor: Element;
  /** The row's text holds direction overrides: what the page shows differs from its text. */
  reordered: boolean;
}

// Right-to-left / left-to-right override: "$\u202E00.01" shows as "$10.00". Isolates and marks
// do not reorder digits, so only overrides make a cell unreadable.
const OVERRIDES = /[\u202D\u202E]/;

/** Rows that hold data: empty rows and "No invoices yet"-style messages are not data. */
export function dataRows(grid: Grid): RowContext[] {
  const out: RowContext[] = [];
  grid.rows.forEach((row) => {
    const cells = row.cells.map((c) => visibleText(c));
    if (cells.every((c) => c === '')) return;
    if (cells.filter(Boolean).length === 1 && row.cells.length < grid.headers.length && /^(no|nothing|loading)\b/i.test(cells.find(Boolean)!)) return;
    const reordered = row.cells.some((c) => OVERRIDES.test(c.textContent ?? ''));
    out.push({ number: out.length + 1, cells, element: row.element, anchor: row.cells[row.cells.length - 1] ?? row.element, reordered });
  });
  return out;
}

export const REORDERED_REASON = 'it holds characters that reverse how text is shown (bidi overrides), so what the page shows may not be what it says';

export function cell(row: RowContext, columns: Record<string, number>, name: string): string | null {
  const index = columns[name];
  return index === undefined ? null : (row.cells[index] ?? '');
}

/** The first https link in a row, for the invoice's "View" page. */
export function rowLink(row: RowContext): string | null {
  const links = row.element.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const href = links[i]!.getAttribute('href') ?? '';
    if (/^https:\/\/[^\s"'<>]+$/i.test(href) && href.length <= 2048) return href;
  }
  return null;
}

export function describeRow(table: string, row: RowContext): string {
  const preview = cleanText(row.cells.filter(Boolean).join(' | '), 80);
  return `${table} row ${row.number} (${preview})`;
}
