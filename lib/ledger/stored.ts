// The stored and exported form of the ledger (version 3): compact, because a heavy user has
// tens of thousands of rows and storage.local holds 10 MB. Rows are tuples; grant ids are not
// stored (they follow from the row, see identity.ts); the moments rows were seen repeat across
// rows (one page visit sees them all), so each organization keeps them once, in `times`, and
// rows refer to them by index. In memory the ledger is the expanded form of schema.ts.
//
// Reading is lenient row by row: a row or an organization that does not validate is left out and
// counted, the rest is kept (load.ts says what was lost). Organizations are read with
// Object.entries of the parsed JSON, never through a zod record, which drops "__proto__".
import { z } from 'zod';
import { PAGE_KINDS } from '../dashboard/pages/kinds';
import { GRANT_STATES, INVOICE_STATUSES } from '../dashboard/snapshot';
import { DateSchema, DateTimeSchema } from '../snapshot-schema';
import { grantGroupKey, grantId } from './identity';
import {
  GrantPageSchema,
  HELD_SOURCES,
  LEDGER_SCHEMA,
  LEDGER_VERSION,
  OrgLedgerSchema,
  emptyLedger,
  orgRecord,
  type GrantPage,
  type HeldRead,
  type Ledger,
  type LedgerGrant,
  type LedgerInvoice,
  type OrgLedger,
 HistoryPageSchema } from './schema';

const cents = z.number().int().safe();
const time = z.number().int().nonnegative();

/**
 * [displayedDate, amountCents, currency, expiresOn, expiresSeenAt, rank, state, stateText,
 *  stateSeenAt, remaining[[cents, first, last]], position, positionSeenAt]
 */
export const StoredGrantSchema = z.tuple([
  DateSchema,
  cents.nonnegative(),
  z.string().max(8),
  DateSchema.nullable(),
  time.nullable(),
  z.number().int().nonnegative(),
  z.enum(GRANT_STATES),
  z.string().max(200),
  time,
  z.array(z.tuple([cents, time, time])).min(1).max(10_000),
  z.number().int().nonnegative(),
  time,
]);

/** [number, totalCents, currency, createdAt, url, statuses[[status, text, first, last]]] */
export const StoredInvoiceSchema = z.tuple([
  z.string().min(1).max(200),
  cents,
  z.string().max(8),
  DateTimeSchema,
  z.string().max(2048).nullable(),
  z.array(z.tuple([z.enum(INVOICE_STATUSES), z.string().max(200), time, time])).min(1).max(1000),
]);

/** A page of a paged grants table: rows as [displayedDate, amountCents, remainingCents, currency, expiresOn, state, stateText]. */
const StoredGrantPageSchema = GrantPageSchema.omit({ rows: true }).extend({
  rows: z.array(z.tuple([DateSchema, cents.nonnegative(), cents, z.string().max(8), DateSchema.nullable(), z.enum(GRANT_STATES), z.string().max(200)])).max(10_000),
});

export const StoredOrgSchema = OrgLedgerSchema.omit({ grants: true, invoices: true, grantPages: true, historyPages: true, utcOffsets: true }).extend({
  /** Absent when no read recorded its offset (saved files, ledgers written before it was kept). */
  utcOffsets: z.array(z.number().int().min(-14 * 60).max(14 * 60)).max(100).optional(),
  grantPages: z.array(StoredGrantPageSchema).max(1000),
  /** Absent when no paged billing history was read (ledgers written before it was kept). */
  historyPages: z.array(HistoryPageSchema).max(1000).optional(),
  times: z.array(DateTimeSchema).max(1_000_000),
  grants: z.array(z.unknown()),
  invoices: z.array(z.unknown()),
});
export type StoredOrg = z.infer<typeof StoredOrgSchema>;

export const StoredHeldSchema = z.object({
  id: z.string().max(400),
  source: z.enum(HELD_SOURCES),
  seenAt: DateTimeSchema,
  reason: z.string().max(2000),
  org: z.unknown(),
});

/** The outline: organizations and held reads are checked one by one (fromStored). */
export const StoredLedgerSchema = z.object({
  schema: z.literal(LEDGER_SCHEMA),
  version: z.literal(LEDGER_VERSION),
  organizations: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object'),
  held: z.array(z.unknown()).max(10_000),
});
export interface StoredLedger {
  schema: typeof LEDGER_SCHEMA;
  version: typeof LEDGER_VERSION;
  organizations: Record<string, StoredOrg>;
  held: { id: string; source: HeldRead['source']; seenAt: string; reason: string; org: StoredOrg }[];
}

/** Each moment once: `t(at)` is its index in `times` (rows refer to moments by index). */
export function timeTable(): { times: string[]; t: (at: string) => number } {
  const times: string[] = [];
  const index = new Map<string, number>();
  const t = (at: string): number => {
    let i = index.get(at);
    if (i === undefined) {
      i = times.push(at) - 1;
      index.set(at, i);
    }
    return i;
  };
  return { times, t };
}

/** An invoice as a tuple (the same in versions 2 and 3). */
export function storedInvoice(i: LedgerInvoice, t: (at: string) => number): unknown[] {
  return [i.number, i.totalCents, i.currency, i.createdAt, i.url, i.statuses.map(([s, x, a, b]) => [s, x, t(a), t(b)])];
}

/** An invoice tuple (versions 2 and 3) read back, or null when it does not validate. */
export function readStoredInvoice(raw: unknown, at: (i: number) => string | undefined): LedgerInvoice | null {
  const r = StoredInvoiceSchema.safeParse(raw);
  const statuses = r.success ? r.data[5].map(([s, x, a, b]) => [s, x, at(a), at(b)] as const) : [];
  if (!r.success || statuses.some(([, , a, b]) => !a || !b)) return null;
  const [number, totalCents, currency, createdAt, url] = r.data;
  return { number, totalCents, currency, createdAt, url, statuses: statuses as LedgerInvoice['statuses'] };
}

export function toStoredOrg(org: OrgLedger): StoredOrg {
  const { times, t } = timeTable();
  const grants = org.grants.map((g) => [
    g.displayedDate,
    g.amountCents,
    g.currency,
    g.expiresOn,
    g.expiresSeenAt === null ? null : t(g.expiresSeenAt),
    g.rank,
    g.state,
    g.stateText,
    t(g.stateSeenAt),
    g.remaining.map(([c, a, b]) => [c, t(a), t(b)]),
    g.position,
    t(g.positionSeenAt),
  ]);
  const invoices = org.invoices.map((i) => storedInvoice(i, t));
  // Pages in a fixed order of kinds: equal ledgers are stored as equal bytes.
  const pages: OrgLedger['pages'] = {};
  for (const kind of PAGE_KINDS) if (org.pages[kind]) pages[kind] = org.pages[kind];
  const grantPages = org.grantPages.map((p) => ({
    ...p,
    rows: p.rows.map((r) => [r.displayedDate, r.amountCents, r.remainingCents, r.currency, r.expiresOn, r.state, r.stateText] as const),
  }));
  return {
    organization: org.organization,
    invoicePrefixes: org.invoicePrefixes,
    orgIds: org.orgIds,
    overview: org.overview,
    usage: org.usage,
    pages,
    grantPages: grantPages as StoredOrg['grantPages'],
    // Written only when there are any: version 3 ledgers without them stay byte for byte the same.
    ...(org.historyPages.length ? { historyPages: org.historyPages } : {}),
    ...(org.utcOffsets.length ? { utcOffsets: org.utcOffsets } : {}),
    times,
    grants,
    invoices,
  };
}

export function toStored(ledger: Ledger): StoredLedger {
  const organizations = orgRecord<StoredOrg>();
  for (const key of Object.keys(ledger.organizations).sort()) organizations[key] = toStoredOrg(ledger.organizations[key]!);
  const held = ledger.held.map((h) => ({ id: h.id, source: h.source, seenAt: h.seenAt, reason: h.reason, org: toStoredOrg(h.org) }));
  return { schema: LEDGER_SCHEMA, version: LEDGER_VERSION, organizations, held };
}

export interface Expanded {
  ledger: Ledger;
  /** Rows (or whole organizations' rows) that did not validate and were left out (0 for an intact ledger). */
  dropped: number;
}

const rowsIn = (org: unknown): number => {
  const o = org as { grants?: unknown; invoices?: unknown } | null;
  return (Array.isArray(o?.grants) ? o.grants.length : 0) + (Array.isArray(o?.invoices) ? o.invoices.length : 0);
};

/** One stored organization, row by row; null when its outline does not validate. */
export function fromStoredOrg(raw: unknown): { org: OrgLedger; dropped: number } | null {
  const outline = StoredOrgSchema.safeParse(raw);
  if (!outline.success) return null;
  const stored = outline.data;
  let dropped = 0;
  const at = (i: number | null): string | undefined => (i === null ? undefined : stored.times[i]);
  const grants: LedgerGrant[] = [];
  for (const rawGrant of stored.grants) {
    const r = StoredGrantSchema.safeParse(rawGrant);
    if (!r.success) {
      dropped++;
      continue;
    }
    const [displayedDate, amountCents, currency, expiresOn, expiresAt, rank, state, stateText, stateAt, history, position, positionAt] = r.data;
    const remaining = history.map(([c, a, b]) => [c, at(a), at(b)] as const);
    const stateSeenAt = at(stateAt);
    const positionSeenAt = at(positionAt);
    const expiresSeenAt = expiresAt === null ? null : at(expiresAt);
    if (!stateSeenAt || !positionSeenAt || expiresSeenAt === undefined || remaining.some(([, a, b]) => !a || !b) || (expiresOn === null) !== (expiresSeenAt === null)) {
      dropped++;
      continue;
    }
    grants.push({
      id: grantId(grantGroupKey({ displayedDate, amountCents, currency }), rank),
      displayedDate,
      amountCents,
      currency,
      expiresOn,
      expiresSeenAt,
      rank,
      remaining: remaining as [number, string, string][],
      state,
      stateText,
      stateSeenAt,
      position,
      positionSeenAt,
    });
  }
  const invoices: LedgerInvoice[] = [];
  for (const rawInvoice of stored.invoices) {
    const invoice = readStoredInvoice(rawInvoice, at);
    if (invoice) invoices.push(invoice);
    else dropped++;
  }
  const grantPages: GrantPage[] = stored.grantPages.map((p) => ({
    ...p,
    rows: p.rows.map(([displayedDate, amountCents, remainingCents, currency, expiresOn, state, stateText]) => ({ displayedDate, amountCents, remainingCents, currency, expiresOn, state, stateText })),
  }));
  const { times: _t, grants: _g, invoices: _i, grantPages: _p, historyPages, utcOffsets, ...rest } = stored;
  return { org: { ...rest, grants, invoices, grantPages, historyPages: historyPages ?? [], utcOffsets: utcOffsets ?? [] }, dropped };
}

/** Expand a stored ledger whose outline validated; each organization and row is checked on its own. */
export function fromStored(stored: z.infer<typeof StoredLedgerSchema>): Expanded {
  const ledger = emptyLedger();
  let dropped = 0;
  for (const [key, raw] of Object.entries(stored.organizations)) {
    const r = key.length <= 200 ? fromStoredOrg(raw) : null;
    if (!r) {
      dropped += Math.max(1, rowsIn(raw));
      continue;
    }
    dropped += r.dropped;
    // An organization with no name has nothing to tell it from another: it waits to be assigned.
    if (r.org.organization === null) ledger.held.push({ id: `stored|${key}`, source: 'ledger', seenAt: latestSeen(r.org), reason: 'These rows name no organization.', org: r.org });
    else ledger.organizations[key] = r.org;
  }
  for (const raw of stored.held) {
    const h = StoredHeldSchema.safeParse(raw);
    const r = h.success ? fromStoredOrg(h.data.org) : null;
    if (!h.success || !r) {
      dropped += Math.max(1, rowsIn((raw as { org?: unknown } | null)?.org));
      continue;
    }
    dropped += r.dropped;
    ledger.held.push({ ...h.data, org: r.org });
  }
  return { ledger, dropped };
}

/** The last moment anything of `org` was seen (for held rows that came without a time). */
export function latestSeen(org: OrgLedger): string {
  let last = '1970-01-01T00:00';
  const see = (t: string) => {
    if (t > last) last = t;
  };
  for (const p of Object.values(org.pages)) see(p.seenAt);
  for (const g of org.grants) see(g.stateSeenAt);
  for (const i of org.invoices) for (const s of i.statuses) see(s[3]);
  return last;
}
