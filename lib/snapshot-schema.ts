// zod schema of a Snapshot: every snapshot is validated where it is received.
import { z } from 'zod';
import { PAGE_KINDS } from './dashboard/pages/kinds';
import { GRANT_STATES, INVOICE_STATUSES, type Snapshot } from './dashboard/snapshot';

const cents = z.number().int().safe();
const text = (max: number) => z.string().max(max);
export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const DateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/);

export const GrantRowSchema = z.object({
  position: z.number().int().nonnegative(),
  displayedDate: DateSchema,
  state: z.enum(GRANT_STATES),
  stateText: text(200),
  amountCents: cents.nonnegative(),
  remainingCents: cents,
  currency: text(8),
  expiresOn: DateSchema.nullable(),
});

export const InvoiceRowSchema = z.object({
  position: z.number().int().nonnegative(),
  number: text(200).min(1),
  status: z.enum(INVOICE_STATUSES),
  statusText: text(200),
  totalCents: cents,
  currency: text(8),
  createdAt: DateTimeSchema,
  zone: text(20).optional(),
  url: text(2048).nullable(),
});

export const AutoRechargeSchema = z.object({
  enabled: z.boolean(),
  thresholdCents: cents.nullable(),
  targetCents: cents.nullable(),
});

const position = z.number().int().min(0).max(10_000_000).nullable();
export const TablePositionSchema = z.object({ firstRow: position, page: position, pages: position, totalRows: position, next: z.boolean().nullable().optional(), previous: z.boolean().nullable().optional() });

export const SnapshotSchema = z.object({
  page: z.enum(PAGE_KINDS),
  url: text(2048),
  organization: text(200).nullable(),
  organizationId: text(100).nullable().optional(),
  organizationConflict: text(2000).nullable().optional(),
  tablePosition: TablePositionSchema.nullable().optional(),
  seenAt: DateTimeSchema,
  utcOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60).optional(),
  grants: z.array(GrantRowSchema).max(100_000),
  invoices: z.array(InvoiceRowSchema).max(100_000),
  overview: z.object({ balanceCents: cents.nullable(), autoRecharge: AutoRechargeSchema.nullable() }).nullable(),
  usage: z.object({ totalSpendCents: cents, from: DateSchema.nullable(), to: DateSchema.nullable() }).nullable(),
  understood: z.boolean(),
  locale: text(40).nullable().optional(),
  warnings: z.array(text(2000)).max(10_000),
}) satisfies z.ZodType<Snapshot>;
