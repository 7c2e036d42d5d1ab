// The credit grants table: one row per grant, "remaining / original" balance, back-dated date.
import { parseDay } from './dates';
import { formatCents, parseMoney, parseMoneyPair, type Money } from './money';
import { cell, dataRows, describeRow, REORDERED_REASON, type RowContext } from './rows';
import type { GrantRow } from './snapshot';
import { grantStateOf } from './statuses';
import { findTable, type ColumnSpec } from './tables';
import { quote } from './text';

export const GRANT_COLUMNS: ColumnSpec = {
  date: ['received', 'date', 'granted', 'grant date', 'granted on', 'created', 'effective', 'issued', 'purchased'],
  state: ['state', 'status'],
  balance: ['balance', 'remaining', 'available', 'credit balance', 'remaining balance'],
  amount: ['amount', 'original', 'original amount', 'grant amount', 'granted amount', 'total', 'credit', 'credits', 'value'],
  expires: ['expires', 'expiry', 'expiration', 'expires on', 'expiration date', 'expiry date', 'valid until'],
};
export const GRANT_REQUIRED = [['date'], ['balance', 'amount']] as const;

export interface TableRead<T> {
  found: boolean;
  rows: T[];
  warnings: string[];
  /** For each recorded row, the cell a badge may be shown in (its last cell). */
  anchors: Element[];
}

function readBalance(row: RowContext, columns: Record<string, number>): { remaining: Money; original: Money } | string {
  const balance = cell(row, columns, 'balance');
  const amount = cell(row, columns, 'amount');
  for (const text of [balance, amount]) {
    const pair = text === null ? null : parseMoneyPair(text);
    if (pair) return pair;
  }
  const remaining = balance === null ? null : parseMoney(balance);
  const original = amount === null ? null : parseMoney(amount);
  if (remaining && original && remaining.currency === original.currency) return { remaining, original };
  if (balance !== null && amount === null) return `the balance ${quote(balance)} is not "remaining / original"`;
  if (balance === null) return `the amount ${quote(amount ?? '')} is not "remaining / original", and no remaining balance is shown`;
  return `the balance ${quote(balance)} and amount ${quote(amount ?? '')} are not amounts of money`;
}

export function readGrants(root: Document | Element): TableRead<GrantRow> {
  const found = findTable(root, GRANT_COLUMNS, GRANT_REQUIRED);
  if (!found.ok) return { found: false, rows: [], warnings: [`Credit grants: ${found.reason}.`], anchors: [] };
  const { grid, columns } = found;
  const warnings: string[] = [];
  if (!('state' in columns)) warnings.push('Credit grants: no State column; states are recorded as "other".');
  if (!('expires' in columns)) warnings.push('Credit grants: no Expires column; expiry dates are unknown.');
  const rows: GrantRow[] = [];
  const anchors: Element[] = [];
  for (const row of dataRows(grid)) {
    const problem = (why: string) => warnings.push(`${describeRow('Credit grants', row)} was not recorded: ${why}.`);
    if (row.reordered) {
      problem(REORDERED_REASON);
      continue;
    }
    const date = parseDay(cell(row, columns, 'date') ?? '');
    if (!date.ok) {
      problem(date.reason);
      continue;
    }
    const balance = readBalance(row, columns);
    if (typeof balance === 'string') {
      problem(balance);
      continue;
    }
    const { remaining, original } = balance;
    if (original.cents < 0 || remaining.cents > original.cents) {
      problem(`the remaining ${formatCents(remaining.cents)} is more than the grant of ${formatCents(original.cents)}`);
      continue;
    }
    const expiresText = cell(row, columns, 'expires');
    let expiresOn: string | null = null;
    if (expiresText === '') warnings.push(`${describeRow('Credit grants', row)}: no expiry date is shown.`);
    if (expiresText) {
      const e = parseDay(expiresText);
      if (e.ok) expiresOn = e.value;
      else if (!/^(never|none|n\/a|-|—)$/i.test(expiresText)) warnings.push(`${describeRow('Credit grants', row)}: expiry unknown, ${e.reason}.`);
    }
    if (original.currency !== 'USD') warnings.push(`${describeRow('Credit grants', row)} is in ${original.currency}; totals assume one currency.`);
    const stateText = cell(row, columns, 'state') ?? '';
    rows.push({
      position: rows.length,
      displayedDate: date.value,
      state: grantStateOf(stateText),
      stateText,
      amountCents: original.cents,
      remainingCents: remaining.cents,
      currency: original.currency,
      expiresOn,
    });
    anchors.push(row.anchor);
  }
  return { found: true, rows, warnings, anchors };
}
