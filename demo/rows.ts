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

export function taxOf(account: DemoAccount, amountCents: number): number {
  const exact = (amountCents * account.taxBasisPoints) / 10000;
  return Math[account.taxRounding ?? 'round'](exact);
}

/** A refunded or voided purchase's credit is taken back: it shows no grant. */
function hasGrant(p: Purchase): boolean {
  return p.invoiceStatus !== 'Refunded' && p.invoiceStatus !== 'Void';
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
    const taxCents = taxOf(account, purchase.amountCents);
    invoices.push({
      purchase,
      number: `${account.invoicePrefix}-${String(sequence).padStart(4, '0')}`,
      status: purchase.invoiceStatus ?? 'Paid',
      totalCents: purchase.amountCents + taxCents,
      taxCents,
      createdAt: purchase.paidAt,
    });
  }
  return invoices.reverse();
}
