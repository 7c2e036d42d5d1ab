// The ledger in memory: one per organization. It is stored and exported in the compact form of
// stored.ts (version 2); version 1 stored this expanded form as it is (LedgerV1Schema).
import { z } from 'zod';
import { PAGE_KINDS } from '../dashboard/pages/kinds';
import { GRANT_STATES, INVOICE_STATUSES } from '../dashboard/snapshot';
import { AutoRechargeSchema, DateSchema, DateTimeSchema } from '../snapshot-schema';

export const LEDGER_SCHEMA = 'credit-lens/ledger';
export const LEDGER_VERSION = 2;

const cents = z.number().int().safe();
const seen = DateTimeSchema;

/** A value and the first and last time it was seen: histories are lists of these. */
const Observation = <T extends z.ZodTypeAny>(value: T) => z.tuple([value, seen, seen]);

export const LedgerGrantSchema = z.object({
  id: z.string().max(120),
  displayedDate: DateSchema,
  amountCents: cents.nonnegative(),
  currency: z.string().max(8),
  expiresOn: DateSchema.nullable(),
  /** Rank within its identity group (see identity.ts). */
  rank: z.number().int().nonnegative(),
  /** Remaining balance history: [cents, first seen, last seen], oldest first. */
  remaining: z.array(Observation(cents)).min(1).max(10_000),
  state: z.enum(GRANT_STATES),
  stateText: z.string().max(200),
  stateSeenAt: seen,
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

export const OrgLedgerSchema = z.object({
  organization: z.string().max(200).nullable(),
  grants: z.array(LedgerGrantSchema),
  invoices: z.array(LedgerInvoiceSchema),
  overview: z
    .object({ seenAt: seen, balanceCents: cents.nullable(), autoRecharge: AutoRechargeSchema.nullable() })
    .nullable(),
  usage: z
    .object({ seenAt: seen, totalSpendCents: cents, from: DateSchema.nullable(), to: DateSchema.nullable() })
    .nullable(),
  pages: z.partialRecord(z.enum(PAGE_KINDS), PageSeenSchema),
});

export const LedgerSchema = z.object({
  schema: z.literal(LEDGER_SCHEMA),
  version: z.literal(LEDGER_VERSION),
  organizations: z.record(z.string().max(200), OrgLedgerSchema),
});

/** Version 1 stored the expanded form as it is. */
export const LedgerV1Schema = LedgerSchema.extend({ version: z.literal(1) });

export type LedgerGrant = z.infer<typeof LedgerGrantSchema>;
export type LedgerInvoice = z.infer<typeof LedgerInvoiceSchema>;
export type OrgLedger = z.infer<typeof OrgLedgerSchema>;
export type Ledger = z.infer<typeof LedgerSchema>;

export function emptyLedger(): Ledger {
  return { schema: LEDGER_SCHEMA, version: LEDGER_VERSION, organizations: {} };
}

export function emptyOrg(organization: string | null): OrgLedger {
  return { organization, grants: [], invoices: [], overview: null, usage: null, pages: {} };
}

/** Ledgers are kept per organization; pages whose organization could not be read share one. */
export function orgKey(organization: string | null): string {
  return organization ?? '';
}
