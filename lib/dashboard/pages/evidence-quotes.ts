// The lines of docs/billing-pages.md that accepted words rest on (evidence.ts), quoted, with the
// reference's certainty: H (OpenAI's own pages or code run against the live site), M (third-party
// code or observations), L (guesses or copies of the UI). For tests and readers of the code only.
import type { EvidenceKey } from './evidence';

export const EVIDENCE_QUOTES: Record<EvidenceKey, string> = {
  grantHeaders: 'reference, Credit grants: "something like Received / State / Balance / Expires; expect variants (Date, Status, Amount, Remaining, Expiry…)" (M)',
  grantJson: 'reference, Credit grants: JSON "grants:{data:[{id, grant_amount, used_amount, effective_at, expires_at}]}" (M)',
  grantStates: 'reference, Credit grants: "States seen: `Available`, `Expired`" (M)',
  grantsEmpty: 'reference, Where the pages are: "Empty states: \\"No credit grants found.\\"" (M)',
  invoiceHeaders: 'reference, Billing history: "Columns: Invoice, Status, Amount, Created, then a \\"View\\" link" (M)',
  invoiceJson: 'reference, Billing history: JSON "data[]{id, number, total, amount_due, tax, created, status, hosted_invoice_url}" (M)',
  invoicePaid: 'reference, Billing history: "Status: `Paid` confirmed" (M)',
  invoiceStripe: 'reference, Billing history: "Stripe\'s others (Open, Void, Uncollectible, Refunded, Draft) are likely" (L)',
  invoicesEmpty: 'reference, Where the pages are: "Empty states: … \\"No invoices found.\\"" (M)',
  historySubtitle: 'reference, Billing history: "Subtitle: \\"Showing invoices within the past 12 months\\"" (M)',
  viewLink: 'reference, Billing history: "then a \\"View\\" link to the Stripe-hosted invoice (invoice.stripe.com)" (M)',
  overviewLabels: 'reference, Overview: "Labels seen: `Pay as you go`, `Credit balance` (sometimes `API credit balance`) … `Auto recharge` with `OFF` and an `Enable auto recharge` button" (M)',
  autoReload: 'reference, Overview: "OpenAI\'s help centre now calls it \\"auto-reload\\"" (H)',
  rechargeSentence: 'reference, Overview: "When your credit balance reaches $10.00, your payment method will be charged to bring the balance up to $15.00." (L)',
  rechargeDialog: 'reference, Overview: "\\"When credit balance goes below\\" / \\"Bring credit balance back up to\\"" (L)',
  usageTotal: 'reference, Usage: "Cost and Activity views over a date range, with a \\"Total Spend\\" figure" (M)',
};
