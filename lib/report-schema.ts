// The audit report, contract version 1 (../shared/contract/report.md). Field names, units and
// vocabularies are the contract's; fields beyond it are additions the contract allows.
import { z } from 'zod';
import { AutoRechargeSchema, DateSchema, DateTimeSchema } from './snapshot-schema';
import { GRANT_STATES, INVOICE_STATUSES } from './dashboard/snapshot';

export const REPORT_SCHEMA = 'credit-lens/report@1';
export const SOURCE_PAGES = ['credit-grants', 'billing-history', 'usage', 'overview', 'ledger', 'unknown'] as const;
export const ALERT_KINDS = ['rapid-recharge', 'recharge-above-threshold', 'credits-accumulating', 'usage-mismatch', 'credits-expiring', 'unmatched-charge'] as const;
export const SEVERITIES = ['critical', 'warning', 'info'] as const;

const cents = z.number().int();

export const PurchaseSchema = z.object({
  invoice: z.string(),
  paidAt: DateTimeSchema,
  totalCents: cents,
  taxCents: cents,
  confidence: z.enum(['exact', 'likely']),
});

export const ReportGrantSchema = z.object({
  id: z.string(),
  displayedDate: DateSchema,
  state: z.enum(GRANT_STATES),
  amountCents: cents,
  remainingCents: cents,
  usedCents: cents,
  expiresOn: DateSchema.nullable(),
  purchase: PurchaseSchema.nullable(),
  /** Why no purchase was found (addition). */
  unmatchedReason: z.string().nullable(),
});

export const ReportInvoiceSchema = z.object({
  number: z.string(),
  status: z.enum(INVOICE_STATUSES),
  totalCents: cents,
  createdAt: DateTimeSchema,
  grantIds: z.array(z.string()),
  /** ISO code; money in another currency than the grants' is never matched to a grant. */
  currency: z.string(),
  /** The Stripe page of the invoice, when the page linked it (addition). */
  url: z.string().nullable(),
});

export const AlertSchema = z.object({
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(SEVERITIES),
  invoices: z.array(z.string()),
  grants: z.array(z.string()),
  message: z.string(),
  /** recharge-above-threshold: the proven lower bound of unused credit at the charge (addition). */
  boundCents: z.number().int().optional(),
});

export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  organization: z.string().nullable(),
  sources: z.array(
    z.object({
      page: z.enum(SOURCE_PAGES),
      file: z.string().nullable(),
      rows: z.number().int().nonnegative(),
      warnings: z.array(z.string()),
      /** The locale its dates were read in; null for a ledger export or when no date was read. */
      locale: z.string().nullable(),
      /** When the page was read (addition; the extension's reports have no file). */
      seenAt: DateTimeSchema.nullable(),
    }),
  ),
  autoRecharge: AutoRechargeSchema.nullable(),
  grants: z.array(ReportGrantSchema),
  invoices: z.array(ReportInvoiceSchema),
  totals: z.object({
    paidCents: cents,
    taxCents: cents,
    creditsPurchasedCents: cents,
    creditsUsedCents: cents,
    creditsAvailableCents: cents,
    creditsExpiredCents: cents,
    usageReportedCents: cents.nullable(),
  }),
  alerts: z.array(AlertSchema),
  warnings: z.array(z.string()),
  /** Plain-language explanations tied to this account's numbers (addition). */
  explanations: z.array(z.string()),
  /** For each paid invoice, the credit provably unused when it was paid (addition). */
  unusedAtPayment: z.array(z.object({ invoice: z.string(), unusedCents: cents })),
  /** The tax rate inferred from grant/invoice pairs, in basis points (addition). */
  taxRateBasisPoints: z.number().nullable(),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportGrant = z.infer<typeof ReportGrantSchema>;
export type ReportInvoice = z.infer<typeof ReportInvoiceSchema>;
export type Alert = z.infer<typeof AlertSchema>;
export type Purchase = z.infer<typeof PurchaseSchema>;
