// What the billing pages show for an account: grants (back-dated) and invoices (with tax).
import { addMonths, endOfMonth, format, parse, subMonths } from 'date-fns';
import type { DemoAccount, Purchase } from './scenario';

export interface DemoGrant {
  purchase: Purchase;
  displayedDate: string;
  expiresOn: string;
  amountCents: number;
  remainingCents: number;
  state: 'Available' | 'Expired';
}

export interface DemoInvoice {
  purchase: Purchase;
  number: string;
  status: string;
  totalCents: number;
  taxCents: number;
  createdAt: string;
}

const DAY = 'yyyy-MM-dd';
const MINUTE = "yyyy-MM-dd'T'HH:mm";

/** The rate in force at `at` (the last change at or before it). */
function basisPointsAt(account: DemoAccount, at: string | undefined): number {
  let bp = account.taxBasisPoints;
  for (const c of account.taxChanges ?? []) if (at !== undefined && c.from <= at) bp = c.basisPoints;
  return bp;
}

export function taxOf(account: DemoAccount, amountCents: number, at?: string): number {
  const exact = (amountCents * basisPointsAt(account, at)) / 10000;
  return Math[account.taxRounding ?? 'round'](exact);
}

/** A refunded, voided, failed or unpaid purchase gives no credit (or takes it back); neither does a refund row. */
function hasGrant(p: Purchase): boolean {
  return !['Refunded', 'Void', 'Failed', 'Open'].includes(p.invoiceStatus ?? 'Paid') && p.amountCents > 0;
}

/** Grants newest first, as the site lists them. */
export function demoGrants(account: DemoAccount): DemoGrant[] {
  return account.purchases
    .filter(hasGrant)
    .map((purchase) => {
      const paid = parse(purchase.paidAt, MINUTE, new Date());
      // Purchased grants show the last day of the month before payment; promos their own day.
      const displayed = purchase.promo ? paid : endOfMonth(subMonths(paid, 1));
      const expires = endOfMonth(addMonths(paid, purchase.promo ? 3 : 12));
      const expiresOn = format(expires, DAY);
      return {
        purchase,
        displayedDate: format(displayed, DAY),
        expiresOn,
        amountCents: purchase.amountCents,
        remainingCents: purchase.amountCents - purchase.usedCents,
        state: expiresOn < account.today ? ('Expired' as const) : ('Available' as const),
      };
    })
    .reverse();
}

/** Invoices newest first; numbers count up in payment order. */
export function demoInvoices(account: DemoAccount): DemoInvoice[] {
  let sequence = 0;
  const invoices: DemoInvoice[] = [];
  for (const purchase of account.purchases) {
    if (purchase.promo) continue;
    sequence += 1;
    const taxCents = taxOf(account, purchase.amountCents, purchase.paidAt);
    const totalCents = purchase.totalCents ?? purchase.amountCents + taxCents;
    invoices.push({
      purchase,
      number: `${account.invoicePrefix}-${String(sequence).padStart(4, '0')}`,
      status: purchase.invoiceStatus ?? 'Paid',
      totalCents,
      taxCents: totalCents - purchase.amountCents,
      createdAt: purchase.paidAt,
    });
  }
  return invoices.reverse();
}
