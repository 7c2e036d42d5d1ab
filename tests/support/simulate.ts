// An auto-recharge account simulated under the site's rules, for property tests of the proof:
// usage takes credit oldest expiry first, then oldest purchase; auto-recharge fires only when
// the balance is at or below the threshold and adds target − balance. A "misfire" fires while
// the balance is above the threshold and adds target − threshold, as in the case that started
// the project. The pages are then read once, at the end, as snapshots (rows in any order).
import type { GrantRow, InvoiceRow, Snapshot } from '../../lib/dashboard/snapshot';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { mergeSnapshot } from '../../lib/ledger/merge';
import { emptyLedger, type OrgLedger } from '../../lib/ledger/schema';
import { prng } from '../../demo/generate';

export interface SimGrant {
  paidAt: string;
  amountCents: number;
  remainingCents: number;
  displayedDate: string;
  expiresOn: string;
  invoice: string;
  totalCents: number;
}

export interface Misfire {
  invoice: string;
  at: string;
  /** The true balance just before it fired. */
  balanceCents: number;
}

export interface SimAccount {
  thresholdCents: number;
  targetCents: number;
  taxBasisPoints: number;
  grants: SimGrant[];
  misfires: Misfire[];
  /** When the pages were read. */
  readAt: string;
}

export interface SimOptions {
  seed: number;
  thresholdCents: number;
  targetCents: number;
  taxBasisPoints: number;
  /** Chance, per usage event, of a misfire while the balance is above the threshold. */
  misfireRate: number;
  /** Misfire in a burst at the end, with no usage after it (the evidence survives). */
  burstAtEnd: boolean;
  events: number;
  /** The largest usage event (light use leaves evidence of a misfire on the grants page). */
  usageMaxCents: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MINUTE_MS = 60_000;
const wall = (t: number) => new Date(t).toISOString().slice(0, 16);
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
/** Last day of the month `offset` months after the one `t` falls in. */
function monthEnd(t: number, offset: number): string {
  const d = new Date(t);
  return day(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 0));
}

export function simulate(o: SimOptions): SimAccount {
  const random = prng(o.seed);
  const T = o.thresholdCents;
  const G = o.targetCents;
  const grants: SimGrant[] = [];
  const misfires: Misfire[] = [];
  let seq = 0;
  let t = Date.UTC(2026, 0, 5, 9, 0);
  const end = Date.UTC(2026, 10, 20, 0, 0);
  let debt = 0;
  const balance = () => grants.reduce((s, g) => s + g.remainingCents, 0) - debt;
  const buy = (credit: number) => {
    seq += 1;
    const tax = Math.round((credit * o.taxBasisPoints) / 10000);
    const paid = Math.min(credit, debt);
    debt -= paid;
    grants.push({
      paidAt: wall(t),
      amountCents: credit,
      remainingCents: credit - paid,
      displayedDate: monthEnd(t, -1),
      expiresOn: monthEnd(t, 12),
      invoice: `5E1F7A2C-${pad(Math.floor(seq / 100))}${pad(seq % 100)}`,
      totalCents: credit + tax,
    });
  };
  // Oldest expiry first, then oldest purchase (grants are in purchase order; expiry follows it).
  const use = (cents: number) => {
    let left = cents;
    for (const g of grants) {
      const take = Math.min(g.remainingCents, left);
      g.remainingCents -= take;
      left -= take;
      if (!left) break;
    }
    debt += left;
  };
  const rechargeIfDue = () => {
    const b = balance();
    if (b <= T) {
      t += (1 + Math.floor(random() * 10)) * MINUTE_MS;
      buy(G - b);
    }
  };
  const misfire = () => {
    const b = balance();
    if (b <= T + 1) return;
    t += (1 + Math.floor(random() * 30)) * MINUTE_MS;
    buy(G - T);
    misfires.push({ invoice: grants[grants.length - 1]!.invoice, at: wall(t), balanceCents: b });
  };

  buy(G);
  for (let i = 0; i < o.events && t < end; i++) {
    t += (30 + Math.floor(random() * 4000)) * MINUTE_MS;
    // Whole dollars often (so the balance lands exactly on the threshold and rows repeat), else cents.
    const b = balance();
    const most = Math.max(1, b + 200);
    const cap = Math.min(most, o.usageMaxCents);
    const cents = random() < 0.6 ? Math.min(most, 100 * (1 + Math.floor(random() * Math.max(1, cap / 100)))) : 1 + Math.floor(random() * cap);
    use(cents);
    rechargeIfDue();
    if (!o.burstAtEnd && random() < o.misfireRate) misfire();
  }
  if (o.burstAtEnd) {
    const n = 2 + Math.floor(random() * 6);
    for (let i = 0; i < n; i++) misfire();
  }
  return { thresholdCents: T, targetCents: G, taxBasisPoints: o.taxBasisPoints, grants, misfires, readAt: '2026-11-27T10:00:00' };
}

/** The shuffled pages of an account, read at `readAt`, merged into a ledger. */
export function ledgerOfSim(a: SimAccount, shuffleSeed: number, pages: PageKind[] = ['credit-grants', 'billing-history', 'overview']): OrgLedger {
  const random = prng(shuffleSeed);
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  const grantRows: GrantRow[] = shuffle(a.grants.map((g) => ({ ...g }))).map((g, position) => ({
    position,
    displayedDate: g.displayedDate,
    state: 'available',
    stateText: 'Available',
    amountCents: g.amountCents,
    remainingCents: g.remainingCents,
    currency: 'USD',
    expiresOn: g.expiresOn,
  }));
  const invoiceRows: InvoiceRow[] = [...a.grants]
    .reverse()
    .map((g, position) => ({ position, number: g.invoice, status: 'paid', statusText: 'Paid', totalCents: g.totalCents, currency: 'USD', createdAt: g.paidAt, url: null }));
  const snap = (page: PageKind, over: Partial<Snapshot>): Snapshot => ({
    page,
    url: pageUrl(page),
    organization: 'Sim',
    seenAt: a.readAt,
    grants: [],
    invoices: [],
    overview: null,
    usage: null,
    understood: true,
    warnings: [],
    ...over,
  });
  const all: Record<PageKind, Snapshot> = {
    'credit-grants': snap('credit-grants', { grants: grantRows }),
    'billing-history': snap('billing-history', { invoices: invoiceRows }),
    overview: snap('overview', { overview: { balanceCents: null, autoRecharge: { enabled: true, thresholdCents: a.thresholdCents, targetCents: a.targetCents } } }),
    usage: snap('usage', { usage: { totalSpendCents: 0, from: null, to: null } }),
  };
  const ledger = pages.reduce((l, p) => mergeSnapshot(l, all[p]), emptyLedger());
  return ledger.organizations.Sim!;
}

/** What the grants page proves was unused at a misfire: credit bought before it, left at the read. */
export function evidenceAt(a: SimAccount, at: string): number {
  return a.grants.filter((g) => g.paidAt < at).reduce((s, g) => s + g.remainingCents, 0);
}
