// The ledger in memory: one per organization, plus the pages whose organization is not known yet
// (held until the user assigns them). It is stored and exported in the compact form of stored.ts
// (version 3); older versions are upgraded by migrate.ts.
//
// Keys are data (an organization may be called "constructor" or "__proto__"): every record keyed
// by an organization is a null-prototype object made by `orgRecord()`, never `{}` or a spread.
import { z } from 'zod';
import { PAGE_KINDS } from '../dashboard/pages/kinds';
import { GRANT_STATES, INVOICE_STATUSES } from '../dashboard/snapshot';
import { AutoRechargeSchema, DateSchema, DateTimeSchema } from '../snapshot-schema';

export const LEDGER_SCHEMA = 'credit-lens/ledger';
export const LEDGER_VERSION = 3;

const cents = z.number().int().safe();
const seen = DateTimeSchema;

/** A value and the first and last time it was seen: histories are lists of these. */
const Observation = <T extends z.ZodTypeAny>(value: T) => z.tuple([value, seen, seen]);

export const LedgerGrantSchema = z.object({
  id: z.string().max(120),
  displayedDate: DateSchema,
  amountCents: cents.nonnegative(),
  currency: z.string().max(8),
  /** Not part of the identity (identity.ts): the latest expiry read, null while never shown. */
  expiresOn: DateSchema.nullable(),
  expiresSeenAt: seen.nullable(),
  /** Rank within its identity group (see identity.ts). */
  rank: z.number().int().nonnegative(),
  /** Remaining balance history: [cents, first seen, last seen], oldest first. */
  remaining: z.array(Observation(cents)).min(1).max(10_000),
  state: z.enum(GRANT_STATES),
  stateText: z.string().max(200),
  stateSeenAt: seen,
  /** Where the site listed it when last seen (0 = its first row), and when: the report's order. */
  position: z.number().int().nonnegative(),
  positionSeenAt: seen,
});

export const LedgerInvoiceSchema = z.object({
  number: z.string().min(1).max(200),
  totalCents: cents,
  currency: z.string().max(8),
  createdAt: DateTimeSchema,
  url: z.string().max(2048).nullable(),
  /** Status history: [status, raw text, first seen, last seen], oldest first. */
  statuses: z.array(z.tuple([z.enum(INVOICE_STATUSES), z.string().max(200), seen, seen])).min(1).max(1000),
});

export const PageSeenSchema = z.object({
  seenAt: seen,
  url: z.string().max(2048),
  rows: z.number().int().nonnegative(),
  understood: z.boolean(),
  warnings: z.array(z.string().max(2000)).max(1000),
});

/** One grant row as a page of a paged table showed it (table-pages.ts puts the pages together). */
export const PagedGrantRowSchema = z.object({
  displayedDate: DateSchema,
  amountCents: cents.nonnegative(),
  remainingCents: cents,
  currency: z.string().max(8),
  expiresOn: DateSchema.nullable(),
  state: z.enum(GRANT_STATES),
  stateText: z.string().max(200),
});

/** The latest read of one page of a paged grants table. */
export const GrantPageSchema = z.object({
  /** "row:21" (its first row's number) or "page:2" (its page number). */
  key: z.string().regex(/^(row|page):\d{1,7}$/),
  seenAt: seen,
  /** Rows in the whole table, or pages when only those are known: pages of one table agree. */
  total: z.string().regex(/^(rows|pages):\d{1,7}$/),
  rows: z.array(PagedGrantRowSchema).max(10_000),
});

/**
 * Which part of a paged billing history a read showed: "page:2/3" when the page says so, else
 * where its Previous/Next controls put it ("first", "middle", "last", or "only" when both are
 * off). Kept per part with its latest read, so the analysis can tell when all of it was read.
 */
export const HistoryPageSchema = z.object({
  key: z.string().regex(/^(page:\d{1,6}\/\d{1,6}|first|middle|last|only)$/),
  seenAt: seen,
});

export const ORG_PREFIX = /^[0-9A-Z]{8}$/;

export const OrgLedgerSchema = z.object({
  organization: z.string().max(200).nullable(),
  /** The invoice-number prefixes its billing history showed (fixed per customer). */
  invoicePrefixes: z.array(z.string().regex(ORG_PREFIX)).max(100),
  /** Organization ids its pages showed (URL, switcher attributes), e.g. "org-AbC123…". */
  orgIds: z.array(z.string().max(100)).max(100),
  grants: z.array(LedgerGrantSchema),
  invoices: z.array(LedgerInvoiceSchema),
  overview: z
    .object({ seenAt: seen, balanceCents: cents.nullable(), autoRecharge: AutoRechargeSchema.nullable() })
    .nullable(),
  usage: z
    .object({ seenAt: seen, totalSpendCents: cents, from: DateSchema.nullable(), to: DateSchema.nullable() })
    .nullable(),
  pages: z.partialRecord(z.enum(PAGE_KINDS), PageSeenSchema),
  grantPages: z.array(GrantPageSchema).max(1000),
  historyPages: z.array(HistoryPageSchema).max(1000).default([]),
  /**
   * The browser's offsets from UTC (minutes) when it read this organization's pages. Pages show
   * local wall-clock times with no zone: reads in two zones (travel, daylight saving) make their
   * times comparable only within the difference (analysis/balance-bound.ts).
   */
  utcOffsets: z.array(z.number().int().min(-14 * 60).max(14 * 60)).max(100).default([]),
});

export const HELD_SOURCES = [...PAGE_KINDS, 'ledger'] as const;

/** Pages (or an imported organization) whose organization could not be told: kept aside. */
export const HeldReadSchema = z.object({
  /** Reads of the same page with the same clues share one entry. */
  id: z.string().max(400),
  source: z.enum(HELD_SOURCES),
  seenAt: seen,
  /** Why it is held, for a person. */
  reason: z.string().max(2000),
  org: OrgLedgerSchema,
});

export type LedgerGrant = z.infer<typeof LedgerGrantSchema>;
export type LedgerInvoice = z.infer<typeof LedgerInvoiceSchema>;
export type OrgLedger = z.infer<typeof OrgLedgerSchema>;
export type GrantPage = z.infer<typeof GrantPageSchema>;
export type HistoryPage = z.infer<typeof HistoryPageSchema>;
export type PagedGrantRow = z.infer<typeof PagedGrantRowSchema>;
export type HeldRead = z.infer<typeof HeldReadSchema>;

export interface Ledger {
  schema: typeof LEDGER_SCHEMA;
  version: typeof LEDGER_VERSION;
  /** Organization key → its ledger; a null-prototype record (see orgRecord). */
  organizations: Record<string, OrgLedger>;
  held: HeldRead[];
}

/** A record keyed by organization: no prototype, so any name is a plain key. */
export function orgRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** Own keys only ("constructor" is not in an empty ledger). */
export function hasOrg(ledger: Ledger, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(ledger.organizations, key);
}

export function getOrg(ledger: Ledger, key: string | null | undefined): OrgLedger | undefined {
  return key !== null && key !== undefined && hasOrg(ledger, key) ? ledger.organizations[key] : undefined;
}

export function emptyLedger(): Ledger {
  return { schema: LEDGER_SCHEMA, version: LEDGER_VERSION, organizations: orgRecord(), held: [] };
}

export function emptyOrg(organization: string | null): OrgLedger {
  return { organization, invoicePrefixes: [], orgIds: [], grants: [], invoices: [], overview: null, usage: null, pages: {}, grantPages: [], historyPages: [], utcOffsets: [] };
}

/** The first key free for a newly seen organization called `name`: "Acme", then "Acme (2)", … */
export function freeOrgKey(ledger: Ledger, name: string): string {
  if (!hasOrg(ledger, name)) return name;
  for (let n = 2; ; n++) if (!hasOrg(ledger, `${name} (${n})`)) return `${name} (${n})`;
}

export { keyFitsName } from './keys';
