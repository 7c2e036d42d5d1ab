// The credit grants table: one row per grant, "remaining / original" balance, back-dated date.
import { parseDay } from './dates';
import { formatCents, parseMoney, parseMoneyPair, type Money } from './money';
import { readTable, type TableRead } from './read-table';
import { cell, type RowContext } from './rows';
import type { GrantRow } from './snapshot';
import { grantStateOf } from './statuses';
import type { ColumnSpec } from './tables';
import { quote } from './text';

export const GRANT_COLUMNS: ColumnSpec = {
  date: ['received', 'date', 'granted', 'grant date', 'granted on', 'created', 'effective', 'issued', 'purchased'],
  state: ['state', 'status'],
  balance: ['balance', 'remaining', 'available', 'credit balance', 'remaining balance'],
  amount: ['amount', 'original', 'original amount', 'grant amount', 'granted amount', 'total', 'credit', 'credits', 'value'],
  expires: ['expires', 'expiry', 'expiration', 'expires on', 'expiration date', 'expiry date', 'valid until'],
};
export const GRANT_REQUIRED = [['date'], ['balance', 'amount']] as const;

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
  return readTable<GrantRow>(root, {
    name: 'Credit grants',
    columns: GRANT_COLUMNS,
    required: GRANT_REQUIRED,
    missing: { state: 'no State column; states are recorded as "other".', expires: 'no Expires column; expiry dates are unknown.' },
    row(row, columns, note) {
      const date = parseDay(cell(row, columns, 'date') ?? '');
      if (!date.ok) return date.reason;
      const balance = readBalance(row, columns);
      if (typeof balance === 'string') return balance;
      const { remaining, original } = balance;
      if (original.cents < 0 || remaining.cents > original.cents) return `the remaining ${formatCents(remaining.cents)} is more than the grant of ${formatCents(original.cents)}`;
      const expiresText = cell(row, columns, 'expires');
      let expiresOn: string | null = null;
      if (expiresText === '') note('no expiry date is shown');
      if (expiresText) {
        const e = parseDay(expiresText);
        if (e.ok) expiresOn = e.value;
        else if (!/^(never|none|n\/a|-|—)$/i.test(expiresText)) note(`expiry unknown, ${e.reason}`);
      }
      if (original.currency !== 'USD') note(`in ${original.currency}; totals assume one currency`);
      const stateText = cell(row, columns, 'state') ?? '';
      return {
        displayedDate: date.value,
        state: grantStateOf(stateText),
        stateText,
        amountCents: original.cents,
        remainingCents: remaining.cents,
        currency: original.currency,
        expiresOn,
      };
    },
  });
}
