// Shared helpers for reading a found table row by row.
import { safeLink } from '../exports/links';
import type { Grid } from './tables';
import { accessibleLabels, cleanText, shownText, visibilityUpTo, words } from './text';

export interface RowContext {
  /** 1-based row number as a person would count it, for warnings. */
  number: number;
  /** Each cell's shown text (hidden parts skipped). */
  cells: string[];
  /** Per cell: why part of its text may or may not be shown, or null (or nothing) when what it shows is clear. */
  unsure: readonly (string | null | undefined)[];
  cellElements: Element[];
  element: Element;
  /** Where a badge for this row goes: its last cell. */
  anchor: Element;
  /** The row's text holds direction overrides: what the page shows differs from its text. */
  reordered: boolean;
  /** Why the row itself may or may not be shown (a style or class we cannot judge), or null. */
  rowUnsure: string | null;
}

// Right-to-left / left-to-right override: "$\u202E00.01" shows as "$10.00". Isolates and marks
// do not reorder digits, so only overrides make a cell unreadable.
const OVERRIDES = /[\u202D\u202E]/;
/** A row whose every cell shows clearly: one empty list for all of them. */
const NONE_UNSURE: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];

/**
 * Rows that hold data: empty rows and "No invoices yet"-style messages are not data, and rows
 * hidden by their markup are not shown (`hidden` counts them).
 */
export function dataRows(grid: Grid): { rows: RowContext[]; hidden: number } {
  const out: RowContext[] = [];
  let hidden = 0;
  for (const row of grid.rows) {
    const v = visibilityUpTo(row.element, grid.element);
    if (v.shown === false) {
      hidden++;
      continue;
    }
    // Row by row over thousands of rows: plain loops, and one list of reasons only when a cell has one.
    const n = row.cells.length;
    const cells: string[] = [];
    let unsure: (string | null)[] = NONE_UNSURE;
    let filled = 0;
    let firstFilled = '';
    let reordered = false;
    for (let i = 0; i < n; i++) {
      const c = row.cells[i]!;
      const shown = shownText(c);
      cells.push(shown.text);
      if (shown.unsure !== null) {
        if (unsure === NONE_UNSURE) unsure = new Array<string | null>(n).fill(null);
        unsure[i] = shown.unsure;
      }
      if (shown.text !== '' && filled++ === 0) firstFilled = shown.text;
      if (!reordered && OVERRIDES.test(c.textContent ?? '')) reordered = true;
    }
    const hasLabel = () => row.cells.some((c) => accessibleLabels(c).length > 0);
    if (filled === 0 && !hasLabel()) continue;
    if (filled === 1 && n < grid.headers.length && /^(no|nothing|loading)\b/i.test(firstFilled)) continue;
    out.push({
      number: out.length + 1,
      cells,
      unsure,
      cellElements: row.cells,
      element: row.element,
      anchor: row.cells[n - 1] ?? row.element,
      reordered,
      rowUnsure: v.shown === 'unsure' ? v.why : null,
    });
  }
  return { rows: out, hidden };
}

export const REORDERED_REASON = 'it holds characters that reverse how text is shown (bidi overrides), so what the page shows may not be what it says';

export function cell(row: RowContext, columns: Record<string, number>, name: string): string | null {
  const index = columns[name];
  return index === undefined ? null : (row.cells[index] ?? '');
}

/**
 * A status cell's words: what it shows when that is a known word, else what it says to assistive
 * technology (an icon's aria-label, title or SVG title), else what it shows.
 */
export function statusCell(row: RowContext, columns: Record<string, number>, name: string, known: (text: string) => boolean): string | null {
  const index = columns[name];
  if (index === undefined) return null;
  const shown = row.cells[index] ?? '';
  if (known(shown)) return shown;
  const el = row.cellElements[index];
  return (el && accessibleLabels(el).find(known)) ?? shown;
}

/**
 * The row's link to its invoice: an <a> that says one of `linkWords` ("View"), to an allowed host
 * (lib/exports/links.ts). Not the first https link in the row: a row may link elsewhere too.
 */
export function rowLink(row: RowContext, linkWords: readonly string[]): { url: string; word: string } | null {
  const links = row.element.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const a = links[i]!;
    const shown = words(shownText(a).text);
    // Labels only when the shown words are not the link's (an icon link named by aria-label).
    const word = linkWords.includes(shown) ? shown : accessibleLabels(a).map(words).find((w) => linkWords.includes(w));
    const url = word && safeLink(a.getAttribute('href'));
    if (word && url) return { url, word };
  }
  return null;
}

export function describeRow(table: string, row: RowContext): string {
  const preview = cleanText(row.cells.filter(Boolean).join(' | '), 80);
  return `${table} row ${row.number} (${preview})`;
}
