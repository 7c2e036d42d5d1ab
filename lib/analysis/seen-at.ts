// When a page was seen, from what the page itself proves. The extension records the browser's
// clock; a saved file has no such record (its modification time is no evidence: it changes with
// every copy, in another clock than the pages' wall-clock times). So the audit of saved files
// dates each page by what its content shows was already there: a billing history page was read
// after its newest invoice, a credit grants page after its newest displayed date (seenFromContent);
// and the analysis lifts a grants page's time to the purchase of the newest grant on it, once
// grants are matched (provenSeenAt). Bounds that need "seen after T" then rest only on pages
// proven seen after T. A page that proves nothing gets TIME_NOT_SHOWN: older than any sighting.
import type { Snapshot } from '../dashboard/snapshot';
import type { LedgerGrant } from '../ledger/schema';
import type { Purchase } from '../report-schema';

import { TIME_NOT_SHOWN } from '../wall-clock';

export { TIME_NOT_SHOWN };

const withSeconds = (at: string) => (at.length === 16 ? `${at}:00` : at);

/** What the page's own rows prove, before any matching. */
export function seenFromContent(s: Snapshot): string {
  let at = TIME_NOT_SHOWN;
  for (const i of s.invoices) if (withSeconds(i.createdAt) > at) at = withSeconds(i.createdAt);
  for (const g of s.grants) if (`${g.displayedDate}T00:00:00` > at) at = `${g.displayedDate}T00:00:00`;
  return at;
}

/** One second later, as YYYY-MM-DDTHH:mm:ss (calendar arithmetic, no time zone). */
export function nextSecond(at: string): string {
  const s = withSeconds(at);
  const t = Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)), Number(s.slice(11, 13)), Number(s.slice(14, 16)), Number(s.slice(17, 19)) + 1);
  return new Date(t).toISOString().slice(0, 19);
}

const groupOf = (g: Pick<LedgerGrant, 'displayedDate' | 'amountCents'>) => `${g.displayedDate}|${g.amountCents}`;

/**
 * The time each read of the grants page is proven to have happened by, from the purchases of the
 * grants it showed. The grants seen at one recorded time are one read (the extension's clock is
 * unique per read; the audit gives each saved page its own time). A group of n identical rows
 * (same date and amount) in a read needs n purchases of that group, of which at most (grants of
 * the group without a purchase) may be missing: the k-th earliest purchase of the group then
 * happened before the read, whichever rows they bought. With the browser's clock this never moves
 * a time (purchases come before the read); it lifts only the lower bounds saved files give.
 */
export function provenSeenAt(grants: readonly LedgerGrant[], purchases: ReadonlyMap<string, Purchase>): (at: string) => string {
  const reads = new Map<string, Map<string, number>>();
  const paid = new Map<string, string[]>();
  const unpaid = new Map<string, number>();
  for (const g of grants) {
    const group = groupOf(g);
    const p = purchases.get(g.id);
    if (p) {
      const times = paid.get(group);
      if (times) times.push(withSeconds(p.paidAt));
      else paid.set(group, [withSeconds(p.paidAt)]);
    } else unpaid.set(group, (unpaid.get(group) ?? 0) + 1);
    const seen = new Set<string>();
    for (const o of g.remaining) seen.add(o[1]).add(o[2]);
    for (const at of seen) {
      let read = reads.get(at);
      if (!read) reads.set(at, (read = new Map<string, number>()));
      read.set(group, (read.get(group) ?? 0) + 1);
    }
  }
  for (const times of paid.values()) times.sort();
  const proven = new Map<string, string>();
  for (const [at, groups] of reads) {
    let latest = at;
    for (const [group, n] of groups) {
      const k = n - (unpaid.get(group) ?? 0);
      const t = k >= 1 ? paid.get(group)?.[k - 1] : undefined;
      if (t !== undefined && t > latest) latest = t;
    }
    proven.set(at, latest);
  }
  return (at) => proven.get(at) ?? at;
}
