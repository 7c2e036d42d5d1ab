// Merging is a join: every snapshot becomes a small ledger of its own, and ledgers are combined
// field by field with operations that are idempotent, commutative and associative. So the same
// page twice changes nothing, arrival order does not matter, and nothing seen is ever forgotten.
// Which organization a snapshot joins is decided first, from the page's clues (organizations.ts).
import { PAGE_KINDS } from '../dashboard/pages/kinds';
import type { Snapshot } from '../dashboard/snapshot';
import { grantId, rankGrants } from './identity';
import { cluesOf, cluesOfOrg, heldId, placeOrg, prefixesOf, type Placement } from './organizations';
import {
  emptyLedger,
  emptyOrg,
  getOrg,
  orgRecord,
  type GrantPage,
  type HeldRead,
  type Ledger,
  type LedgerGrant,
  type LedgerInvoice,
  type OrgLedger,
} from './schema';
import { historyPageOf, joinHistoryPages } from './history-pages';
import { upsertSorted } from './sorted-upsert';
import { assembleGrantPages, currentPages, grantPageOf, type PlacedRow } from './table-pages';

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
export function compareTuples(a: readonly (string | number)[], b: readonly (string | number)[]): number {
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

export function joinGrant(a: LedgerGrant, b: LedgerGrant): LedgerGrant {
  // Ties compare only the register's own value, so the join stays commutative.
  const state = later(
    { seenAt: a.stateSeenAt, state: a.state, stateText: a.stateText },
    { seenAt: b.stateSeenAt, state: b.state, stateText: b.stateText },
  );
  // An expiry that was not shown (null) never replaces one that was: a late cell fills it in.
  const expiry = later(
    a.expiresSeenAt === null ? null : { seenAt: a.expiresSeenAt, expiresOn: a.expiresOn },
    b.expiresSeenAt === null ? null : { seenAt: b.expiresSeenAt, expiresOn: b.expiresOn },
  );
  // Where the site listed it when last seen; at the same moment, the earlier place.
  const place =
    a.positionSeenAt !== b.positionSeenAt ? (a.positionSeenAt > b.positionSeenAt ? a : b) : a.position <= b.position ? a : b;
  return {
    ...a,
    expiresOn: expiry?.expiresOn ?? null,
    expiresSeenAt: expiry?.seenAt ?? null,
    remaining: joinHistory(a.remaining, b.remaining),
    state: state.state,
    stateText: state.stateText,
    stateSeenAt: state.seenAt,
    position: place.position,
    positionSeenAt: place.positionSeenAt,
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

/**
 * Site order: where the site listed each grant when it was last seen; grants last seen at the same
 * place earlier come after those seen there since; then newest displayed date (deterministic).
 */
function grantOrder(x: LedgerGrant, y: LedgerGrant): number {
  if (x.position !== y.position) return x.position - y.position;
  if (x.positionSeenAt !== y.positionSeenAt) return x.positionSeenAt > y.positionSeenAt ? -1 : 1;
  if (x.displayedDate !== y.displayedDate) return x.displayedDate > y.displayedDate ? -1 : 1;
  return x.id === y.id ? 0 : x.id < y.id ? -1 : 1;
}

/** Newest first, then by number. */
function invoiceOrder(x: LedgerInvoice, y: LedgerInvoice): number {
  if (x.createdAt !== y.createdAt) return x.createdAt > y.createdAt ? -1 : 1;
  return x.number === y.number ? 0 : x.number < y.number ? -1 : 1;
}

function sortGrants(grants: LedgerGrant[]): LedgerGrant[] {
  return grants.sort(grantOrder);
}

function sortInvoices(invoices: LedgerInvoice[]): LedgerInvoice[] {
  return invoices.sort(invoiceOrder);
}

const grantKey = (g: LedgerGrant) => g.id;
const invoiceKey = (i: LedgerInvoice) => i.number;

/** joinById then sorted; a page joined into a larger ledger touches only the page's rows. */
function joinSorted<T>(a: readonly T[], b: readonly T[], id: (x: T) => string, join: (x: T, y: T) => T, order: (x: T, y: T) => number): T[] {
  if (b.length < a.length) {
    const upserted = upsertSorted(a, b, id, join, order);
    if (upserted) return upserted;
  }
  return joinById(a, b, id, join).sort(order);
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

export function joinOrgs(a: OrgLedger, b: OrgLedger): OrgLedger {
  // Built in a fixed order of page kinds so equal ledgers are equal byte for byte.
  const pages: OrgLedger['pages'] = {};
  for (const kind of PAGE_KINDS) {
    const seen = later(a.pages[kind] ?? null, b.pages[kind] ?? null);
    if (seen) pages[kind] = seen;
  }
  const name = a.organization !== null && b.organization !== null ? (a.organization <= b.organization ? a.organization : b.organization) : (a.organization ?? b.organization);
  return {
    organization: name,
    invoicePrefixes: union(a.invoicePrefixes, b.invoicePrefixes),
    orgIds: union(a.orgIds, b.orgIds),
    grants: joinSorted(a.grants, b.grants, grantKey, joinGrant, grantOrder),
    invoices: joinSorted(a.invoices, b.invoices, invoiceKey, joinInvoice, invoiceOrder),
    overview: later(a.overview, b.overview),
    usage: later(a.usage, b.usage),
    pages,
    grantPages: currentPages([...a.grantPages, ...b.grantPages]),
    historyPages: joinHistoryPages(a.historyPages, b.historyPages),
    utcOffsets: [...new Set([...a.utcOffsets, ...b.utcOffsets])].sort((x, y) => x - y),
  };
}

function joinHeld(a: HeldRead, b: HeldRead): HeldRead {
  const newer = later({ seenAt: a.seenAt, reason: a.reason }, { seenAt: b.seenAt, reason: b.reason });
  return { id: a.id, source: a.source, seenAt: newer.seenAt, reason: newer.reason, org: joinOrgs(a.org, b.org) };
}

export function joinHeldReads(a: readonly HeldRead[], b: readonly HeldRead[]): HeldRead[] {
  return joinById(a, b, (h) => h.id, joinHeld).sort((x, y) => compareTuples([x.id], [y.id]));
}

export function joinLedgers(a: Ledger, b: Ledger): Ledger {
  const organizations = orgRecord(Object.entries(a.organizations));
  for (const [key, org] of Object.entries(b.organizations)) {
    const had = getOrg(a, key);
    organizations[key] = had ? joinOrgs(had, org) : org;
  }
  return { ...a, organizations, held: joinHeldReads(a.held, b.held) };
}

/** What one snapshot knows, as an organization's ledger of its own; `grantIds` names each of its grant rows. */
export function snapshotOrg(snapshot: Snapshot, knownPages: readonly GrantPage[] = []): { org: OrgLedger; grantIds: string[] } {
  const org = emptyOrg(snapshot.organization);
  const at = snapshot.seenAt;
  const historyPage = historyPageOf(snapshot);
  if (historyPage) org.historyPages = [historyPage];
  if (snapshot.utcOffsetMinutes !== undefined) org.utcOffsets = [snapshot.utcOffsetMinutes];
  // A page of a paged grants table is ranked together with the other pages already read.
  const page = grantPageOf(snapshot);
  let rows: PlacedRow[];
  let rowsAt = at;
  if (page) {
    const table = assembleGrantPages([...knownPages, page]);
    rows = table.rows;
    rowsAt = table.seenAt;
    org.grantPages = table.pages;
  } else {
    rows = snapshot.grants.map((row, index) => ({ ...row, origin: { key: '', index } }));
  }
  const grantIds: string[] = new Array<string>(snapshot.grants.length).fill('');
  const ownKey = page?.key ?? '';
  org.grants = sortGrants(
    rankGrants(rows).map(({ key, rank, row }) => {
      const id = grantId(key, rank);
      if (row.origin.key === ownKey && row.origin.index < grantIds.length) grantIds[row.origin.index] = id;
      return {
        id,
        displayedDate: row.displayedDate,
        amountCents: row.amountCents,
        currency: row.currency,
        expiresOn: row.expiresOn,
        expiresSeenAt: row.expiresOn === null ? null : rowsAt,
        rank,
        remaining: [[row.remainingCents, rowsAt, rowsAt]],
        state: row.state,
        stateText: row.stateText,
        stateSeenAt: rowsAt,
        position: row.position,
        positionSeenAt: rowsAt,
      };
    }),
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
  org.invoicePrefixes = prefixesOf(snapshot.invoices);
  if (snapshot.organizationId) org.orgIds = [snapshot.organizationId];
  if (snapshot.overview) org.overview = { seenAt: at, ...snapshot.overview };
  if (snapshot.usage) org.usage = { seenAt: at, ...snapshot.usage };
  org.pages[snapshot.page] = {
    seenAt: at,
    url: snapshot.url,
    rows: snapshot.grants.length + snapshot.invoices.length,
    understood: snapshot.understood,
    warnings: snapshot.warnings.slice(0, 1000),
  };
  return { org, grantIds };
}

export interface Merged {
  ledger: Ledger;
  placement: Placement;
  /** The id of each grant row of the snapshot, in its order (for the badges). */
  grantIds: string[];
  /** Set when the read was held: the id of its held entry. */
  heldId?: string;
  /** The small ledger that was joined (for the undo history: ledger = settleHeld(join(before, change))). */
  change: Ledger;
}

/** Merge one snapshot: into the organization its clues name, a new one, or the holding area. */
export function mergeSnapshotPlaced(ledger: Ledger, snapshot: Snapshot): Merged {
  const clues = cluesOf(snapshot);
  const first = snapshotOrg(snapshot);
  // Clues that disagree within the page (a switch in progress): never placed, only held.
  const conflict = snapshot.organizationConflict ?? (clues.prefixes.length > 1 ? `its invoice numbers belong to ${clues.prefixes.length} customers (${clues.prefixes.join(', ')})` : null);
  const placement: Placement = conflict
    ? { kind: 'held', reason: `This page's clues to its organization disagree: ${conflict}.`, candidates: [] }
    : placeOrg(ledger, clues, first.org, snapshot);
  const small = emptyLedger();
  if (placement.kind === 'held') {
    const { org, grantIds } = first;
    const id = heldId(snapshot.page, clues, org);
    small.held = [{ id, source: snapshot.page, seenAt: snapshot.seenAt, reason: placement.reason, org }];
    const joined = settleHeld(joinLedgers(ledger, small));
    const stillHeld = joined.held.some((h) => h.id === id);
    return { ledger: joined, placement, grantIds, change: small, ...(stillHeld ? { heldId: id } : {}) };
  }
  // Pages of a paged table are put together with the pages of the organization they join.
  const target = getOrg(ledger, placement.key);
  const { org, grantIds } = target?.grantPages.length && snapshot.tablePosition ? snapshotOrg(snapshot, target.grantPages) : first;
  if (placement.note) {
    const seen = org.pages[snapshot.page];
    if (seen) seen.warnings = [placement.note, ...seen.warnings].slice(0, 1000);
  }
  small.organizations[placement.key] = org;
  // A clue this read brought (an invoice prefix with a name) may tie reads held before to it.
  return { ledger: settleHeld(joinLedgers(ledger, small)), placement, grantIds, change: small };
}

export function mergeSnapshot(ledger: Ledger, snapshot: Snapshot): Ledger {
  return mergeSnapshotPlaced(ledger, snapshot).ledger;
}

/**
 * Held reads that a clue now ties to exactly one organization, without contradiction, join it (an
 * unnamed billing history whose invoice prefix a named page has since shown). The rest stay held.
 */
export function settleHeld(ledger: Ledger): Ledger {
  let out = ledger;
  for (const h of ledger.held) {
    const clues = cluesOfOrg(h.org);
    if (clues.name === null && clues.id === null && clues.prefixes.length === 0) continue;
    const place = placeOrg({ ...out, held: [] }, clues, h.org);
    if (place.kind !== 'org' || place.created) continue;
    const small = emptyLedger();
    small.organizations[place.key] = h.org;
    out = joinLedgers({ ...out, held: out.held.filter((x) => x.id !== h.id) }, small);
  }
  return out;
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
