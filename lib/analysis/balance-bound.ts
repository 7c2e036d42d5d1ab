// What the account provably held at each recharge. A grant's remaining credit only falls, so the
// balance seen at any later moment is a lower bound of its balance then. At a recharge at time T,
// a grant counts if it was bought before T, had not expired by T, and was last seen at or after T.
// Grants with no known purchase are left out (we cannot prove they existed at T), and so are grants
// whose credit may not have been usable balance: one shown expired without its expiry date (it may
// have expired before T), pending, or in a state that could not be read.
import { wallMinutes } from '../wall-clock';
import type { GrantView, InvoiceView } from './views';

export interface BoundAtRecharge {
  invoice: InvoiceView;
  /** At least this much earlier credit was unused when the invoice was paid. */
  boundCents: number;
  /** Up to 20 of the grants that held it, earliest bought first. */
  grantIds: string[];
  grantCount: number;
}

interface Span {
  id: string;
  cents: number;
  /** Wall-clock minutes: counted at charges after `from`, up to and including `until`. */
  from: number;
  until: number;
}

/**
 * `purchases`: when each grant was bought, at the latest the pages allow (bound-purchases.ts).
 * `marginMinutes`: how far two of the pages' wall clocks may be apart (reads in two time zones):
 * a grant counts at a charge only if bought that much before it and seen that much after it.
 */
export function boundsAtRecharges(grants: readonly GrantView[], purchases: ReadonlyMap<string, { paidAt: string }>, recharges: readonly InvoiceView[], marginMinutes = 0): BoundAtRecharge[] {
  const spans: Span[] = [];
  for (const g of grants) {
    const p = purchases.get(g.id);
    if (!p || g.remainingCents <= 0) continue;
    if ((g.state === 'expired' && g.expiresOn === null) || g.state === 'pending' || g.state === 'other') continue;
    const expiry = g.expiresOn ? `${g.expiresOn}T23:59:59` : '9999-12-31T23:59:59';
    const until = wallMinutes(g.remainingSeenAt < expiry ? g.remainingSeenAt : expiry) - marginMinutes;
    spans.push({ id: g.id, cents: g.remainingCents, from: wallMinutes(p.paidAt) + marginMinutes, until });
  }
  const byStart = [...spans].sort((a, b) => a.from - b.from);
  const byEnd = [...spans].sort((a, b) => a.until - b.until);
  const ordered = [...recharges].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const active = new Map<string, number>();
  const removed = new Set<string>();
  let sum = 0;
  let s = 0;
  let e = 0;
  const out: BoundAtRecharge[] = [];
  for (const inv of ordered) {
    const t = wallMinutes(inv.createdAt);
    while (s < byStart.length && byStart[s]!.from < t) {
      const span = byStart[s++]!;
      if (!removed.has(span.id)) {
        active.set(span.id, span.cents);
        sum += span.cents;
      }
    }
    while (e < byEnd.length && byEnd[e]!.until < t) {
      const span = byEnd[e++]!;
      removed.add(span.id);
      if (active.delete(span.id)) sum -= span.cents;
    }
    // The first 20 in purchase order: taking them is O(20), so the sweep stays O(n log n).
    const ids: string[] = [];
    for (const id of active.keys()) {
      if (ids.length === 20) break;
      ids.push(id);
    }
    out.push({ invoice: inv, boundCents: sum, grantIds: ids, grantCount: active.size });
  }
  return out;
}

/**
 * The billing overview's balance is OpenAI's own figure. Credit the grants page shows as held at
 * the moment the overview was read cannot be more than that balance; when it is, the grants page
 * lags behind usage and its balances prove nothing about the past. Returns what disagrees, or null.
 */
export function balanceBelowGrants(
  overview: { seenAt: string; balanceCents: number | null } | null,
  grants: readonly GrantView[],
  purchases: ReadonlyMap<string, { paidAt: string }>,
  currency: string,
  marginMinutes = 0,
): { at: string; balanceCents: number; grantsCents: number } | null {
  if (!overview || overview.balanceCents === null || overview.seenAt.startsWith('1970-')) return null;
  const moment: InvoiceView = { number: '', totalCents: 0, currency, createdAt: overview.seenAt, status: 'paid', url: null };
  const [held] = boundsAtRecharges(grants, purchases, [moment], marginMinutes);
  // A negative balance (usage beyond the credit) is owed money, not credit the grants could hold.
  return held && held.boundCents > Math.max(0, overview.balanceCents) + 1 ? { at: overview.seenAt, balanceCents: overview.balanceCents, grantsCents: held.boundCents } : null;
}
