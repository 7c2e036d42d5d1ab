// The row loop every table reader shares: find the table by its headers, choose the locale its
// dates are in, then make each data row a record or a warning that names the row and why.
// Nothing is dropped silently.
import { dateReader, type DateOptions, type DateReader, type DateText } from './dates';
import { dataRows, describeRow, REORDERED_REASON, type RowContext } from './rows';
import { findTable, type ColumnSpec } from './tables';

export interface TableRead<T> {
  found: boolean;
  rows: T[];
  warnings: string[];
  /** For each recorded row, the cell a badge may be shown in (its last cell). */
  anchors: Element[];
  /** The locale the table's dates were read in (null: no date was read). */
  locale: string | null;
  /** Every candidate locale that read all of them. */
  fits: readonly string[];
  /** Whether those read every date (false: none did; they read the most). */
  datesComplete: boolean;
  /** Each matched column's header as the page shows it. */
  headers: Record<string, string>;
  /** The table read (its root element), when one was found. */
  element: Element | null;
}

export interface TableSpec<T> {
  /** How warnings name the table: "Credit grants", "Billing history". */
  name: string;
  columns: ColumnSpec;
  required: readonly (readonly string[])[];
  /** Columns holding dates ('day') or dates with a time ('dateTime'). */
  dates: Record<string, 'day' | 'dateTime'>;
  /** Said once when an optional column is missing. */
  missing?: Record<string, string>;
  /** Said once about the columns found (e.g. an amount that may exclude tax). */
  check?(columns: Record<string, number>): string | null;
  /** A record, or the reason the row was not recorded. `note` adds a warning about a kept row. */
  row(row: RowContext, columns: Record<string, number>, note: (text: string) => void, dates: DateReader): Omit<T, 'position'> | string;
}

/** Why a cell the record uses may show other than it says, for the first such cell; else null. */
function unsureCell(row: RowContext, used: readonly number[], headers: readonly string[]): string | null {
  for (const i of used) {
    const why = row.unsure[i];
    if (why) return `the ${headers[i] || 'unnamed'} cell holds text that ${why} may hide or show, so what the page shows cannot be told`;
  }
  return null;
}

export function readTable<T extends { position: number }>(root: Document | Element, spec: TableSpec<T>, options: DateOptions = {}): TableRead<T> {
  const found = findTable(root, spec.columns, spec.required);
  if (!found.ok) return { found: false, rows: [], warnings: [`${spec.name}: ${found.reason}.`], anchors: [], locale: null, fits: [], datesComplete: true, headers: {}, element: null };
  const { grid, columns } = found;
  const warnings = Object.entries(spec.missing ?? {})
    .filter(([column]) => !(column in columns))
    .map(([, text]) => `${spec.name}: ${text}`);
  const checked = spec.check?.(columns);
  if (checked) warnings.push(`${spec.name}: ${checked}`);
  const { rows, hidden } = dataRows(grid);
  if (hidden) warnings.push(`${spec.name}: ${hidden} row${hidden > 1 ? 's are' : ' is'} hidden by the page's markup (not shown) and ${hidden > 1 ? 'were' : 'was'} not read.`);
  const dateColumns = Object.entries(spec.dates).filter(([name]) => name in columns);
  const texts: DateText[] = [];
  for (const row of rows) for (const [name, kind] of dateColumns) texts.push({ text: row.cells[columns[name]!] ?? '', time: kind === 'dateTime' });
  const dates = dateReader(texts, options);
  const records: T[] = [];
  const anchors: Element[] = [];
  const used = Object.values(columns);
  // One note function for the table, about the row being read (not one made per row).
  let current: RowContext | null = null;
  const note = (text: string) => warnings.push(`${describeRow(spec.name, current!)}: ${text}.`);
  for (const row of rows) {
    current = row;
    const unsure = row.rowUnsure ? `the row itself may be hidden or shown by ${row.rowUnsure}, so what the page shows cannot be told` : unsureCell(row, used, grid.headers);
    const result = row.reordered ? REORDERED_REASON : (unsure ?? spec.row(row, columns, note, dates));
    if (typeof result === 'string') {
      warnings.push(`${describeRow(spec.name, row)} was not recorded: ${result}.`);
      continue;
    }
    // The row's record is its own new object: its place is added to it, not copied into another.
    const record = result as T;
    record.position = records.length;
    records.push(record);
    anchors.push(row.anchor);
  }
  const headers = Object.fromEntries(Object.entries(columns).map(([name, i]) => [name, grid.headers[i] ?? '']));
  return { found: true, rows: records, warnings, anchors, locale: dates.locale, fits: dates.fits, datesComplete: dates.complete, headers, element: grid.element };
}
