// Which row is which grant. The site gives grants no id, and identical rows are common: seven
// "$10.00 / $10.00" grants shown on the same day are seven grants.
//
// The rule: grants with the same displayed date, original amount, currency and expiry form a
// group. Within a group, in each snapshot, rows are ranked by remaining balance, largest first;
// the grant of rank k is "the k-th fullest grant of the group". A group holds as many grants as
// the most rows any snapshot showed for it (so a grant is never forgotten, and partial use moves
// a grant down the ranks instead of creating a new one).
//
// Why it is sound: each grant's remaining balance only falls, so the k-th largest of a group only
// falls too; every rank's history is a true non-increasing series, and the sum over ranks equals
// the group's total at any moment. A snapshot that shows only part of a group (a paginated table)
// gives each rank a value at most the true one: still a lower bound, which is all the alerts use.
// State is not part of the identity: a grant that expires stays the same grant.
import type { GrantRow } from '../dashboard/snapshot';

export function grantGroupKey(row: Pick<GrantRow, 'displayedDate' | 'amountCents' | 'currency' | 'expiresOn'>): string {
  return `${row.displayedDate}|${row.amountCents}|${row.currency}|${row.expiresOn ?? '-'}`;
}

export function grantId(groupKey: string, rank: number): string {
  return `g:${groupKey}|${rank}`;
}

/** Rows of one snapshot, grouped and ranked: [group key, rank, row]. */
export function rankGrants(rows: readonly GrantRow[]): { key: string; rank: number; row: GrantRow }[] {
  const groups = new Map<string, GrantRow[]>();
  for (const row of rows) {
    const key = grantGroupKey(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const out: { key: string; rank: number; row: GrantRow }[] = [];
  for (const [key, list] of groups) {
    // Largest remaining first; ties are interchangeable (same group, same balance).
    list.sort((a, b) => b.remainingCents - a.remainingCents);
    list.forEach((row, rank) => out.push({ key, rank, row }));
  }
  return out;
}
