// The credit grants page: one row per grant, "remaining / original" balance, back-dated date.
import type { DateOptions } from '../dates';
import { formatCents, parseMoney, parseMoneyPair, type Money } from '../money';
import { readTable } from '../read-table';
import { cell, statusCell, type RowContext } from '../rows';
import type { GrantRow, GrantState } from '../snapshot';
import { quote, words } from '../text';
import { ASSUMED, columnSpec, meaning, said, tablePart, type PageDescriptor, type PagePart } from './descriptor';
import { REF } from './evidence';

const STATES = [
  ...meaning<GrantState>('available', REF.grantStates, 'available'),
  ...meaning<GrantState>('expired', REF.grantStates, 'expired'),
  ...meaning<GrantState>('available', ASSUMED, 'active'),
  ...meaning<GrantState>('used', ASSUMED, 'used', 'depleted'),
  ...meaning<GrantState>('pending', ASSUMED, 'pending'),
];

const VOCABULARY = {
  'column:date': [...said(REF.grantHeaders, 'received', 'date'), ...said(REF.grantJson, 'effective'), ...said(ASSUMED, 'granted')],
  'column:state': said(REF.grantHeaders, 'state', 'status'),
  'column:balance': [...said(REF.grantHeaders, 'balance', 'remaining'), ...said(ASSUMED, 'available')],
  'column:amount': [...said(REF.grantHeaders, 'amount'), ...said(REF.grantJson, 'grant amount'), ...said(ASSUMED, 'original')],
  'column:expires': [...said(REF.grantHeaders, 'expires', 'expiry'), ...said(ASSUMED, 'expiration', 'valid until')],
  state: STATES,
  empty: said(REF.grantsEmpty, 'no credit grants found'),
};
const COLUMNS = columnSpec(VOCABULARY);
export const GRANT_REQUIRED = [['date'], ['balance', 'amount']] as const;

const stateOf = (text: string) => STATES.find((s) => s.text === words(text));

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
  return `the balance ${quote(balance)} and amount ${quote(amount ?? '')} are not amounts of money in one currency`;
}

export function readGrants(root: Document | Element, options: DateOptions = {}): PagePart {
  const used = new Set<string>();
  const read = readTable<GrantRow>(
    root,
    {
      name: 'Credit grants',
      columns: COLUMNS,
      required: GRANT_REQUIRED,
      dates: { date: 'day', expires: 'day' },
      missing: { state: 'no State column; states are recorded as "other".', expires: 'no Expires column; expiry dates are unknown.' },
      row(row, columns, note, dates) {
        const date = dates.day(cell(row, columns, 'date') ?? '');
        if (!date.ok) return date.reason;
        const balance = readBalance(row, columns);
        if (typeof balance === 'string') return balance;
        const { remaining, original } = balance;
        if (original.cents < 0 || remaining.cents > original.cents) return `the remaining ${formatCents(remaining.cents, remaining.currency)} is more than the grant of ${formatCents(original.cents, original.currency)}`;
        const expiresText = cell(row, columns, 'expires');
        let expiresOn: string | null = null;
        if (expiresText === '') note('no expiry date is shown');
        if (expiresText) {
          const e = dates.day(expiresText);
          if (e.ok) expiresOn = e.value;
          else if (!/^(never|none|n\/a|-|—)$/i.test(expiresText)) note(`expiry unknown, ${e.reason}`);
        }
        const stateText = statusCell(row, columns, 'state', (t) => stateOf(t) !== undefined) ?? '';
        const state = stateOf(stateText);
        if (state) used.add(`state:${state.text}`);
        else if ('state' in columns) note(stateText ? `the state ${quote(stateText)} is not one Credit Lens knows; recorded as "other"` : 'no state is shown; recorded as "other"');
        return {
          displayedDate: date.value,
          state: state?.means ?? 'other',
          stateText,
          amountCents: original.cents,
          remainingCents: remaining.cents,
          currency: original.currency,
          expiresOn,
        };
      },
    },
    options,
  );
  return tablePart(root, read, 'grants', VOCABULARY, used);
}

export const creditGrants: PageDescriptor = {
  kind: 'credit-grants',
  title: 'Credit grants',
  why: 'to see what each payment bought',
  paths: ['/settings/organization/billing/credit-grants'],
  identifying: VOCABULARY.empty,
  vocabulary: VOCABULARY,
  read: readGrants,
};

/** For kindByContent: does a table with the grants' columns stand on the page? */
export const GRANT_COLUMNS = COLUMNS;
