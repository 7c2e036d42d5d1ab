// Merging is a join: every snapshot becomes a small ledger of its own, and ledgers are combined
// field by field with operations that are idempotent, commutative and associative. So the same
// page twice changes nothing, arrival order does not matter, and nothing seen is ever forgotten.
import { PAGE_KINDS } from '../dashboard/pages/kinds';
import type { Snapshot } from '../dashboard/snapshot';
import { grantId, rankGrants } from './identity';
import { emptyLedger, emptyOrg, orgKey, type Ledger, type LedgerGrant, type LedgerInvoice, type OrgLedger } from './schema';

/**
 * Join two histories whose entries are [...value, first seen, last seen] (a balance history, a
 * status history): per value, the earliest first and the latest last; ordered by first seen,
 * then value.
 */
function joinHistory<T extends readonly (string | number)[]>(a: readonly T[], b: readonly T[]): T[] {
  const byValue = new Map<string, T>();
  for (const entry of [...a, ...b]) {
    const n = entry.length;
    const key = JSON.stringify(entry.slice(0, n - 2));
    const had = byValue.get(key);
    if (!had) {
      byValue.set(key, entry);
      continue;
    }
    const first = had[n - 2]! < entry[n - 2]! ? had[n - 2]! : entry[n - 2]!;
    const last = had[n - 1]! > entry[n - 1]! ? had[n - 1]! : entry[n - 1]!;
    byValue.set(key, [...entry.slice(0, n - 2), first, last] as unknown as T);
  }
  const order = (e: T) => [e[e.length - 2]!, ...e.slice(0, e.length - 2)];
  return [...byValue.values()].sort((x, y) => compareTuples(order(x), order(y)));
}

/** A total order on tuples, so every sort in a join is deterministic. */
function compareTuples(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

/** The later of two (seenAt, value) registers; equal times fall to a fixed order so joins commute. */
function later<T extends { seenAt: string } | null>(a: T, b: T): T {
  if (!a) return b;
  if (!b) return a;
  if (a.seenAt !== b.seenAt) return a.seenAt > b.seenAt ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

function joinGrant(a: LedgerGrant, b: LedgerGrant): LedgerGrant {
  // Ties compare only the register's own value, so the join stays commutative.
  const state = later(
    { seenAt: a.stateSeenAt, state: a.state, stateText: a.stateText },
    { seenAt: b.stateSeenAt, state: b.state, stateText: b.stateText },
  );
  return {
    ...a,
    remaining: joinHistory(a.remaining, b.remaining),
    state: state.state,
    stateText: state.stateText,
    stateSeenAt: state.seenAt,
  };
}

function joinInvoice(a: LedgerInvoice, b: LedgerInvoice): LedgerInvoice {
  // Amount, date and link come from the most recent sighting; they should never differ.
  const payload = (i: LedgerInvoice) => ({
    seenAt: i.statuses.reduce((m, s) => (s[3] > m ? s[3] : m), ''),
    totalCents: i.totalCents,
    currency: i.currency,
    createdAt: i.createdAt,
    url: i.url,
  });
  const { seenAt: _seenAt, ...newer } = later(payload(a), payload(b));
  return { number: a.number, ...newer, statuses: joinHistory(a.statuses, b.statuses) };
}

function joinById<T>(a: readonly T[], b: readonly T[], id: (x: T) => string, join: (x: T, y: T) => T): T[] {
  const map = new Map<string, T>();
  for (const x of [...a, ...b]) {
    const key = id(x);
    const had = map.get(key);
    map.set(key, had ? join(had, x) : x);
  }
  return [...map.values()];
}

/** Site order: newest displayed date first, then by group and rank (deterministic). */
function sortGrants(grants: LedgerGrant[]): LedgerGrant[] {
  return grants.sort((x, y) => compareTuples([y.displayedDate, x.id], [x.displayedDate, y.id]));
}

function sortInvoices(invoices: LedgerInvoice[]): LedgerInvoice[] {
  return invoices.sort((x, y) => compareTuples([y.createdAt, x.number], [x.createdAt, y.number]));
}

export function joinOrgs(a: OrgLedger, b: OrgLedger): OrgLedger {
  // Built in a fixed order of page kinds so equal ledgers are equal byte for byte.
  const pages: OrgLedger['pages'] = {};
  for (const kind of PAGE_KINDS) {
    const seen = later(a.pages[kind] ?? null, b.pages[kind] ?? null);
    if (seen) pages[kind] = seen;
  }
  return {
    organization: a.organization ?? b.organization,
    grants: sortGrants(joinById(a.grants, b.grants, (g) => g.id, joinGrant)),
    invoices: sortInvoices(joinById(a.invoices, b.invoices, (i) => i.number, joinInvoice)),
    overview: later(a.overview, b.overview),
    usage: later(a.usage, b.usage),
    pages,
  };
}

export function joinLedgers(a: Ledger, b: Ledger): Ledger {
  const organizations = { ...a.organizations };
  for (const [key, org] of Object.entries(b.organizations)) {
    const had = organizations[key];
    organizations[key] = had ? joinOrgs(had, org) : org;
  }
  return { ...a, organizations };
}

/** What one snapshot knows, as a ledger of its own. */
export function snapshotLedger(snapshot: Snapshot): Ledger {
  const org = emptyOrg(snapshot.organization);
  const at = snapshot.seenAt;
  org.grants = sortGrants(
    rankGrants(snapshot.grants).map(({ key, rank, row }) => ({
      id: grantId(key, rank),
      displayedDate: row.displayedDate,
      amountCents: row.amountCents,
      currency: row.currency,
      expiresOn: row.expiresOn,
      rank,
      remaining: [[row.remainingCents, at, at]],
      state: row.state,
      stateText: row.stateText,
      stateSeenAt: at,
    })),
  );
  org.invoices = sortInvoices(
    joinById(
      snapshot.invoices.map((row) => ({
        number: row.number,
        totalCents: row.totalCents,
        currency: row.currency,
        createdAt: row.createdAt,
        url: row.url,
        statuses: [[row.status, row.statusText, at, at]] as LedgerInvoice['statuses'],
      })),
      [],
      (i) => i.number,
      joinInvoice,
    ),
  );
  if (snapshot.overview) org.overview = { seenAt: at, ...snapshot.overview };
  if (snapshot.usage) org.usage = { seenAt: at, ...snapshot.usage };
  org.pages[snapshot.page] = {
    seenAt: at,
    url: snapshot.url,
    rows: snapshot.grants.length + snapshot.invoices.length,
    understood: snapshot.understood,
    warnings: snapshot.warnings.slice(0, 1000),
  };
  const ledger = emptyLedger();
  ledger.organizations[orgKey(snapshot.organization)] = org;
  return ledger;
}

export function mergeSnapshot(ledger: Ledger, snapshot: Snapshot): Ledger {
  return joinLedgers(ledger, snapshotLedger(snapshot));
}

/** How much a ledger holds, for "import added …" messages. */
export function ledgerCounts(ledger: Ledger): { organizations: number; grants: number; invoices: number } {
  const orgs = Object.values(ledger.organizations);
  return {
    organizations: orgs.length,
    grants: orgs.reduce((n, o) => n + o.grants.length, 0),
    invoices: orgs.reduce((n, o) => n + o.invoices.length, 0),
  };
}
