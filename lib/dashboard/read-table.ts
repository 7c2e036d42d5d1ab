// The row loop every table reader shares: find the table by its headers, then make each data row
// a record or a warning that names the row and why. Nothing is dropped silently.
import { dataRows, describeRow, REORDERED_REASON, type RowContext } from './rows';
import { findTable, type ColumnSpec } from './tables';

export interface TableRead<T> {
  found: boolean;
  rows: T[];
  warnings: string[];
  /** For each recorded row, the cell a badge may be shown in (its last cell). */
  anchors: Element[];
}

export interface TableSpec<T> {
  /** How warnings name the table: "Credit grants", "Billing history". */
  name: string;
  columns: ColumnSpec;
  required: readonly (readonly string[])[];
  /** Said once when an optional column is missing. */
  missing?: Record<string, string>;
  /** A record, or the reason the row was not recorded. `note` adds a warning about a kept row. */
  row(row: RowContext, columns: Record<string, number>, note: (text: string) => void): Omit<T, 'position'> | string;
}

export function readTable<T extends { position: number }>(root: Document | Element, spec: TableSpec<T>): TableRead<T> {
  const found = findTable(root, spec.columns, spec.required);
  if (!found.ok) return { found: false, rows: [], warnings: [`${spec.name}: ${found.reason}.`], anchors: [] };
  const { grid, columns } = found;
  const warnings = Object.entries(spec.missing ?? {})
    .filter(([column]) => !(column in columns))
    .map(([, text]) => `${spec.name}: ${text}`);
  const rows: T[] = [];
  const anchors: Element[] = [];
  for (const row of dataRows(grid)) {
    const result = row.reordered ? REORDERED_REASON : spec.row(row, columns, (text) => warnings.push(`${describeRow(spec.name, row)}: ${text}.`));
    if (typeof result === 'string') {
      warnings.push(`${describeRow(spec.name, row)} was not recorded: ${result}.`);
      continue;
    }
    rows.push({ ...result, position: rows.length } as T);
    anchors.push(row.anchor);
  }
  return { found: true, rows, warnings, anchors };
}
