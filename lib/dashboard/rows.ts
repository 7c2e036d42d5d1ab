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
}

/** Rows that hold data: empty rows and "No invoices yet"-style messages are not data. */
export function dataRows(grid: Grid): RowContext[] {
  const out: RowContext[] = [];
  grid.rows.forEach((row) => {
    const cells = row.cells.map((c) => visibleText(c));
    if (cells.every((c) => c === '')) return;
    if (cells.filter(Boolean).length === 1 && row.cells.length < grid.headers.length && /^(no|nothing|loading)\b/i.test(cells.find(Boolean)!)) return;
    out.push({ number: out.length + 1, cells, element: row.element, anchor: row.cells[row.cells.length - 1] ?? row.element });
  });
  return out;
}

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
