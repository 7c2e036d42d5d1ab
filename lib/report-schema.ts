// The audit report, contract version 1 (../shared/contract/report.md). Field names, units and
// vocabularies are the contract's; fields beyond it are additions the contract allows.
// Facts travel as codes with data (reasons, alert facts, notes); the English `message`s the
// contract asks for are made from them by lib/exports/wording.ts, as every surface's words are.
import { z } from 'zod';
import { AutoRechargeSchema, DateSchema, DateTimeSchema } from './snapshot-schema';
import { PAGE_KINDS } from './dashboard/pages/kinds';
import { GRANT_STATES, INVOICE_STATUSES } from './dashboard/snapshot';

export const REPORT_SCHEMA = 'credit-lens/report@1';
export const SOURCE_PAGES = ['credit-grants', 'billing-history', 'usage', 'overview', 'ledger', 'unknown'] as const;
export const ALERT_KINDS = ['rapid-recharge', 'recharge-above-threshold', 'credits-accumulating', 'usage-mismatch', 'credits-expiring', 'unmatched-charge'] as const;
export const SEVERITIES = ['critical', 'warning', 'info'] as const;
/** What a payment was: an auto-recharge, a purchase made by hand, either (not known), or no money taken. */
export const CHARGE_KINDS = ['recharge', 'purchase', 'unknown', 'not-a-charge'] as const;

const cents = z.number().int();
const page = z.enum(PAGE_KINDS);

export const PurchaseSchema = z.object({
  invoice: z.string(),
  paidAt: DateTimeSchema,
  totalCents: cents,
  taxCents: cents,
  confidence: z.enum(['exact', 'likely']),
});

/** Why a grant has no purchase. */
export const UnmatchedReasonSchema = z.discriminatedUnion('code', [
  /** Nothing can match before the billing history is read. */
  z.object({ code: z.literal('history-not-read') }),
  /** Only some pages of a paged billing history were read: its invoice may be on another. */
  z.object({ code: z.literal('history-partly-read') }),
  /** Its purchase would be older than the 12 months the billing history lists (since that day). */
  z.object({ code: z.literal('before-history-window'), since: DateSchema }),
  /** Its expiry does not fit credit bought on or after its date: promotional or free credit. */
  z.object({ code: z.literal('promotional'), expiresOn: DateSchema }),
  /** The grant is in another currency than the invoices it could match. */
  z.object({ code: z.literal('other-currency'), currency: z.string() }),
  /** Invoices of the expected total exist near its date, and each bought another grant. */
  z.object({ code: z.literal('invoices-taken'), expectedCents: cents.nullable() }),
  /** No invoice of the expected total was paid on or after its date. */
  z.object({ code: z.literal('no-fitting-invoice'), expectedCents: cents.nullable() }),
]);

export const ReportGrantSchema = z.object({
  id: z.string(),
  displayedDate: DateSchema,
  state: z.enum(GRANT_STATES),
  amountCents: cents,
  remainingCents: cents,
  usedCents: cents,
  expiresOn: DateSchema.nullable(),
  purchase: PurchaseSchema.nullable(),
  /** Why no purchase was found, in words (addition). */
  unmatchedReason: z.string().nullable(),
  /** The same, as a code with its data (addition). */
  unmatched: UnmatchedReasonSchema.nullable(),
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
  /** Auto-recharge, purchase by hand, not known, or no money taken (addition). */
  charge: z.enum(CHARGE_KINDS),
  /** What this row adds to totals.paidCents: its total when money was taken, minus a refund row (addition). */
  paidCents: cents,
  /** The tax inside paidCents: exact when it bought grants, else at its period's rate (addition). */
  taxCents: cents,
  /** Money returned: a refunded invoice's total, or a refund row's amount (addition). */
  refundedCents: cents,
});

const wallTime = DateTimeSchema;
const thresholdSource = z.enum(['overview', 'settings']).nullable();

/** The facts behind each alert, by kind. */
export const AlertFactsSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('recharge-above-threshold'),
    invoice: z.string(),
    at: wallTime,
    totalCents: cents,
    boundCents: cents,
    thresholdCents: cents,
    thresholdFrom: thresholdSource,
    grantCount: z.number().int(),
    /** 'recharge' when the amount fits an auto-recharge; 'unknown' when the target is not known. */
    charge: z.enum(['recharge', 'unknown']),
    partlyRefunded: z.boolean(),
  }),
  z.object({
    code: z.literal('rapid-recharge'),
    count: z.number().int(),
    from: wallTime,
    to: wallTime,
    minutes: z.number(),
    totalCents: cents,
    /** How many of them are proven unwarranted (critical recharge-above-threshold alerts). */
    provenAbove: z.number().int(),
    /** How many of them were charged while credit above the threshold was provably unused. */
    aboveThreshold: z.number().int(),
    /** Whether the credit grants page was read (else the balance at each charge is not known). */
    grantsRead: z.boolean(),
    /** Whether the threshold is known (else the charges could not be checked against it). */
    thresholdKnown: z.boolean(),
  }),
  z.object({ code: z.literal('credits-accumulating'), fromCents: cents, toCents: cents, count: z.number().int(), from: wallTime, to: wallTime }),
  z.object({
    code: z.literal('usage-zero'),
    from: DateSchema.nullable(),
    to: DateSchema.nullable(),
    paidCents: cents,
    grantsRead: z.boolean(),
    usedCents: cents,
    availableCents: cents,
  }),
  z.object({ code: z.literal('usage-above-used'), from: DateSchema.nullable(), to: DateSchema.nullable(), usageCents: cents, usedCents: cents }),
  z.object({ code: z.literal('credits-expiring'), totalCents: cents, grantCount: z.number().int(), first: DateSchema, last: DateSchema }),
  z.object({
    code: z.literal('unmatched-charge'),
    invoice: z.string(),
    at: wallTime,
    totalCents: cents,
    /** Paid after the credit grants page was last (provably) read. */
    afterGrantsRead: z.boolean(),
  }),
]);

export const AlertSchema = z.object({
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(SEVERITIES),
  invoices: z.array(z.string()),
  grants: z.array(z.string()),
  message: z.string(),
  /** recharge-above-threshold: the proven lower bound of unused credit at the charge (addition). */
  boundCents: z.number().int().optional(),
  /** The facts the message is made from (addition). */
  facts: AlertFactsSchema,
});

/** What the analysis could not check or count, as codes (their words are in report.warnings). */
export const ReportNoteSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('page-not-read'), page }),
  /** A paged billing history of which only some pages were read (numbered pages read, and their count, when shown). */
  z.object({ code: z.literal('history-partly-read'), pagesRead: z.array(z.number().int()), pages: z.number().int().nullable() }),
  /** Pages were read at different offsets from UTC: their times are compared only this far apart. */
  z.object({ code: z.literal('time-zones'), marginMinutes: z.number().int() }),
  /** The overview showed a lower balance than the grants page shows held at that moment: the grants lag. */
  z.object({ code: z.literal('balance-below-grants'), at: DateTimeSchema, balanceCents: cents, grantsCents: cents }),
  z.object({ code: z.literal('threshold-unknown'), autoRechargeOff: z.boolean() }),
  z.object({ code: z.literal('target-unknown') }),
  z.object({ code: z.literal('threshold-from-settings'), thresholdCents: cents }),
  z.object({ code: z.literal('target-from-settings'), targetCents: cents }),
  z.object({ code: z.literal('auto-recharge-off-now') }),
  z.object({ code: z.literal('unknown-status'), count: z.number().int(), words: z.array(z.string()) }),
  z.object({ code: z.literal('partly-refunded'), invoices: z.array(z.string()) }),
  z.object({ code: z.literal('other-currency'), count: z.number().int(), currency: z.string(), accountCurrency: z.string() }),
]);

/** Why the pages disagree, tied to this account's numbers. */
export const ExplanationSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('dates-differ'), displayedDate: DateSchema, paidAt: wallTime, invoice: z.string() }),
  z.object({ code: z.literal('amounts-differ'), invoice: z.string(), totalCents: cents, amountCents: cents, taxCents: cents, rateBasisPoints: z.number().nullable() }),
  z.object({ code: z.literal('expired-counted'), expiredCents: cents, availableCents: cents }),
  z.object({ code: z.literal('usage-zero-paid'), paidCents: cents, usedCents: cents }),
]);

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
      /** When the page was read (addition): the browser's clock, or for a saved file the latest time its own content proves; null when nothing does. */
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
    /** Money returned: refunded invoices and refund rows (addition). */
    refundedCents: cents,
  }),
  alerts: z.array(AlertSchema),
  warnings: z.array(z.string()),
  /** The analysis's own warnings as codes (addition). */
  notes: z.array(ReportNoteSchema),
  /** Plain-language explanations tied to this account's numbers (addition). */
  explanations: z.array(z.string()),
  /** The same, as codes (addition). */
  explanationFacts: z.array(ExplanationSchema),
  /** For each charge, the credit provably unused when it was paid (addition). */
  unusedAtPayment: z.array(z.object({ invoice: z.string(), unusedCents: cents })),
  /** The tax rate of the latest period, in basis points (addition). */
  taxRateBasisPoints: z.number().nullable(),
  /** Tax rates in time: each applies from its first invoice until the next (addition). */
  taxPeriods: z.array(z.object({ from: DateTimeSchema, rateBasisPoints: z.number() })),
  /** The billing pages whose data was read; everything else is "not read yet" (addition). */
  pagesRead: z.array(page),
  /** The auto-recharge rule the alerts used, and where each number came from (addition). */
  rechargeRule: z.object({
    thresholdCents: cents.nullable(),
    thresholdFrom: thresholdSource,
    targetCents: cents.nullable(),
    targetFrom: thresholdSource,
    /** The overview shows auto-recharge off now (which says nothing about when the charges were made). */
    offNow: z.boolean(),
  }),
  /** The first day of the 12 months the billing history lists, from when it was read (addition). */
  historyWindowFrom: DateSchema.nullable(),
  /** The account's currency: its grants' (addition). Money fields of the report are in it. */
  currency: z.string(),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportGrant = z.infer<typeof ReportGrantSchema>;
export type ReportInvoice = z.infer<typeof ReportInvoiceSchema>;
export type Alert = z.infer<typeof AlertSchema>;
export type AlertFacts = z.infer<typeof AlertFactsSchema>;
export type Purchase = z.infer<typeof PurchaseSchema>;
export type UnmatchedReason = z.infer<typeof UnmatchedReasonSchema>;
export type ReportNote = z.infer<typeof ReportNoteSchema>;
export type Explanation = z.infer<typeof ExplanationSchema>;
export type ChargeKind = (typeof CHARGE_KINDS)[number];
