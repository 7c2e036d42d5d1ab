// Which row is which grant. The site gives grants no id, and identical rows are common: seven
// "$10.00 / $10.00" grants shown on the same day are seven grants.
//
// The rule: grants with the same displayed date, original amount and currency form a group. Within
// a group, in each read of the table, rows are ranked by remaining balance, largest first; the
// grant of rank k is "the k-th fullest grant of the group". A group holds as many grants as the
// most rows any one read of the whole table showed for it (so a grant is never forgotten, and
// partial use moves a grant down the ranks instead of creating a new one).
//
// Why it is sound: each grant's remaining balance only falls, so the k-th largest of a group only
// falls too; every rank's history is a true non-increasing series, and the sum over ranks equals
// the group's total at any moment. A read that shows only part of a group (one page of a paged
// table read alone) gives each rank a value at most the true one: still a lower bound, which is
// all the alerts use. The pages of a paged table are put together before ranking (table-pages.ts),
// so 20 + 5 identical rows on two pages are 25 grants, not 20.
//
// Nothing that can be late or missing is part of the identity. State is not (a grant that expires
// stays the same grant), and neither is the expiry date: an Expires cell that reads "—" for the
// first 400 ms, or a save without the Expires column, must not make a second grant. The expiry is
// a value of the grant that a later read fills in or updates (merge.ts keeps the latest known).
//
// Identical rows with different expiries (a promotional grant and a purchase on the same day and
// amount): they share a group, and ties in the remaining balance are ranked by expiry, latest
// first, unknown last. That order is stable over time under the site's rule for spending credit
// (the earliest expiry is used first): a grant that expires earlier never holds more than one of
// the same amount that expires later, so the fuller one stays the one with the later expiry.
// Where the site spends credit otherwise, two such grants can trade ranks; each rank's balance
// history stays a true lower bound, and the expiry shown for a rank is the one read last for it.
import type { GrantRow } from '../dashboard/snapshot';

type Identified = Pick<GrantRow, 'displayedDate' | 'amountCents' | 'currency'>;
type Rankable = Identified & Pick<GrantRow, 'remainingCents' | 'expiresOn' | 'position'>;

export function grantGroupKey(row: Identified): string {
  return `${row.displayedDate}|${row.amountCents}|${row.currency}`;
}

export function grantId(groupKey: string, rank: number): string {
  return `g:${groupKey}|${rank}`;
}

/** Fullest first; equal balances: the later expiry first, unknown last; then page order. */
function byRank(a: Rankable, b: Rankable): number {
  if (a.remainingCents !== b.remainingCents) return b.remainingCents - a.remainingCents;
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn < b.expiresOn ? 1 : -1;
  }
  return a.position - b.position;
}

/** Rows of one read of a table, grouped and ranked: [group key, rank, row]. */
export function rankGrants<R extends Rankable>(rows: readonly R[]): { key: string; rank: number; row: R }[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = grantGroupKey(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const out: { key: string; rank: number; row: R }[] = [];
  for (const [key, list] of groups) {
    list.sort(byRank);
    list.forEach((row, rank) => out.push({ key, rank, row }));
  }
  return out;
}
