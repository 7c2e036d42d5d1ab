// The truth behind a demo dashboard: what was bought, when, for how much, and what was used.
// Pages are rendered from it (demo/pages.ts), so tests can check the report against the truth.

export interface Purchase {
  /** Wall-clock payment time, YYYY-MM-DDTHH:mm. For a promotional grant, when it was granted. */
  paidAt: string;
  /** Credit bought; negative for a refund row (money given back, no grant). */
  amountCents: number;
  usedCents: number;
  /** A promotional grant has no invoice. */
  promo?: boolean;
  /** Failed, void, open or refunded payments leave no grant; a partly refunded one keeps it. */
  invoiceStatus?: 'Paid' | 'Refunded' | 'Void' | 'Open' | 'Failed' | 'Partially refunded';
  /** The invoice's total when it is not amount + tax (a refund row of exactly -$10.00, say). */
  totalCents?: number;
}

export interface DemoAccount {
  organization: string;
  /** The fixed first part of every invoice number of this customer. */
  invoicePrefix: string;
  /** Tax rate in basis points (887.5 = 8.875%). */
  taxBasisPoints: number;
  /** How the site rounds tax to the cent (default: to the nearest). */
  taxRounding?: 'round' | 'floor' | 'ceil';
  /** Later rates (a move abroad, a new law), each from a wall-clock time on. */
  taxChanges?: { from: string; basisPoints: number }[];
  autoRecharge: { thresholdCents: number; targetCents: number } | null;
  usage: { totalSpendCents: number; from: string; to: string };
  /** The day the pages are shown (decides which grants are expired). */
  today: string;
  purchases: Purchase[];
}

/** The case that started the project: auto-recharge at $5 firing hourly while credit sits unused. */
export const SEED_ACCOUNT: DemoAccount = {
  organization: 'Personal',
  invoicePrefix: '5E1F7A2C',
  taxBasisPoints: 887.5,
  autoRecharge: { thresholdCents: 500, targetCents: 1500 },
  usage: { totalSpendCents: 0, from: '2026-11-01', to: '2026-11-30' },
  today: '2026-11-27',
  purchases: [
    { paidAt: '2026-01-05T10:00', amountCents: 500, usedCents: 120, promo: true },
    { paidAt: '2026-06-12T09:41', amountCents: 1000, usedCents: 380 },
    { paidAt: '2026-11-03T13:02', amountCents: 1000, usedCents: 0 },
    { paidAt: '2026-11-03T14:03', amountCents: 1000, usedCents: 0 },
    { paidAt: '2026-11-03T15:01', amountCents: 1000, usedCents: 0 },
    { paidAt: '2026-11-03T16:04', amountCents: 1000, usedCents: 0 },
    { paidAt: '2026-11-03T17:02', amountCents: 1000, usedCents: 0 },
    { paidAt: '2026-11-03T18:03', amountCents: 1000, usedCents: 0 },
    { paidAt: '2026-11-03T19:01', amountCents: 1000, usedCents: 0 },
  ],
};
