// Which invoices took money, and which of those an auto-recharge could have made.
//
// Money was taken by a paid invoice, or a partially refunded one (part of it came back); a
// refunded, failed, void or open invoice took none (or gave it back), and a negative row is a
// refund, never a charge. Nothing is matched or alerted across currencies.
//
// Auto-recharge, with threshold T and target G, adds about G − b where b, the balance when it
// fires, is at or below T (and may be negative by up to about one recharge's worth, when usage
// overshoots). So it adds between G − T and G + that allowance: a payment outside that range was
// a purchase made by hand, never a recharge. Without T and G nothing can be told apart.
import type { AutoRecharge, InvoiceStatus } from '../dashboard/snapshot';
import type { ChargeKind } from '../report-schema';
import type { Settings } from './settings';
import type { InvoiceView } from './views';

const MONEY_TAKEN: ReadonlySet<InvoiceStatus> = new Set(['paid', 'partially-refunded']);
/** Within this of G − T a recharge still counts as fired at the threshold (cent rounding). */
export const ROUNDING_CENTS = 1;
/** A balance may be this far below zero when auto-recharge fires (at least $5, else G − T). */
const MIN_NEGATIVE_ALLOWANCE = 500;

/** Did this row take money from the customer (in the account's currency)? */
export function isCharge(inv: Pick<InvoiceView, 'status' | 'totalCents' | 'currency'>, accountCurrency: string): boolean {
  return MONEY_TAKEN.has(inv.status) && inv.totalCents > 0 && inv.currency === accountCurrency;
}

/** A negative row: money given back. */
export function isRefundRow(inv: InvoiceView, accountCurrency: string): boolean {
  return inv.totalCents < 0 && inv.currency === accountCurrency && (MONEY_TAKEN.has(inv.status) || inv.status === 'refunded');
}

export interface RechargeRule {
  thresholdCents: number | null;
  thresholdFrom: 'overview' | 'settings' | null;
  targetCents: number | null;
  targetFrom: 'overview' | 'settings' | null;
  /** The overview shows auto-recharge off now: true now, and says nothing about the past. */
  offNow: boolean;
}

/** The overview's numbers when it shows them, else the ones the user set in the options. */
export function rechargeRule(autoRecharge: AutoRecharge | null, settings: Settings): RechargeRule {
  const t = autoRecharge?.thresholdCents ?? null;
  const g = autoRecharge?.targetCents ?? null;
  return {
    thresholdCents: t ?? settings.thresholdCents,
    thresholdFrom: t !== null ? 'overview' : settings.thresholdCents !== null ? 'settings' : null,
    targetCents: g ?? settings.targetCents,
    targetFrom: g !== null ? 'overview' : settings.targetCents !== null ? 'settings' : null,
    offNow: autoRecharge?.enabled === false,
  };
}

/** Could an auto-recharge under `rule` have added `creditCents`? Null when that cannot be told. */
export function fitsRecharge(creditCents: number | null, rule: RechargeRule): boolean | null {
  const t = rule.thresholdCents;
  const g = rule.targetCents;
  if (t === null || g === null || creditCents === null) return null;
  const allowance = Math.max(MIN_NEGATIVE_ALLOWANCE, g - t);
  return creditCents >= g - t - ROUNDING_CENTS && creditCents <= g + allowance;
}

export function chargeKind(isMoneyTaken: boolean, creditCents: number | null, rule: RechargeRule): ChargeKind {
  if (!isMoneyTaken) return 'not-a-charge';
  const fit = fitsRecharge(creditCents, rule);
  return fit === null ? 'unknown' : fit ? 'recharge' : 'purchase';
}
