// When, at the latest, each grant may have been bought, as far as the pages allow: the purchase
// times the bound (balance-bound.ts) counts from. A group of identical rows (same displayed date,
// amount, currency, expiry) was bought by some of the invoices that fit it; the matching gives it
// the earliest. When more invoices fit than the group has rows (a page of grants not read, an
// invoice that bought a grant not listed), the pages also allow the latest ones: counting each row
// from the latest invoices it could have been bought by, emptiest row first, gives the smallest
// credit before any moment, so the bound holds whichever invoices really bought them.
import { expiryFitsPurchase } from './expiry';
import { latestPurchaseDay, type Matching } from './match';
import { amountsFor } from './tax-rate';
import type { TaxTimeline } from './tax-periods';
import type { GrantView, InvoiceView } from './views';

const groupKey = (g: GrantView) => `${g.displayedDate}|${g.amountCents}|${g.currency}|${g.expiresOn ?? '-'}`;

export function latestPurchaseTimes(grants: readonly GrantView[], matching: Matching, charges: readonly InvoiceView[], tax: TaxTimeline): Map<string, { paidAt: string }> {
  const groups = new Map<string, { rows: GrantView[]; times: string[]; sample: GrantView }>();
  for (const g of grants) {
    const p = matching.purchases.get(g.id);
    if (!p) continue;
    const key = groupKey(g);
    const group = groups.get(key) ?? { rows: [], times: [], sample: g };
    group.rows.push(g);
    group.times.push(p.paidAt);
    groups.set(key, group);
  }
  // Charges that bought no grant, offered to every group they could have bought (a superset of
  // what the pages allow, so the smallest bound over it is smaller still).
  const byAmount = new Map<number, { rows: GrantView[]; times: string[]; sample: GrantView }[]>();
  for (const group of groups.values()) {
    const same = byAmount.get(group.sample.amountCents);
    if (same) same.push(group);
    else byAmount.set(group.sample.amountCents, [group]);
  }
  const amounts = new Set(byAmount.keys());
  for (const inv of charges) {
    if (matching.grantsOf.has(inv.number)) continue;
    const rate = tax.rateAt(inv.createdAt);
    if (rate === null) continue;
    const day = inv.createdAt.slice(0, 10);
    for (const a of amountsFor(inv.totalCents, rate, amounts)) {
      for (const group of byAmount.get(a) ?? []) {
        const g = group.sample;
        if (g.currency !== inv.currency) continue;
        if (day >= g.displayedDate && day <= latestPurchaseDay(g) && expiryFitsPurchase(g.expiresOn, day)) group.times.push(inv.createdAt);
      }
    }
  }
  const out = new Map<string, { paidAt: string }>();
  for (const { rows, times } of groups.values()) {
    const latest = times.sort().slice(times.length - rows.length);
    const emptiestFirst = [...rows].sort((x, y) => x.remainingCents - y.remainingCents || (x.id < y.id ? -1 : 1));
    emptiestFirst.forEach((g, k) => out.set(g.id, { paidAt: latest[k]! }));
  }
  return out;
}
