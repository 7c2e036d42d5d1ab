// The cases of issue 11, each as a user met it: what the pages show, and what Credit Lens may
// and may not claim from them.
import { describe, expect, it } from 'vitest';
import { demoGrants, demoInvoices } from '../../demo/rows';
import { SEED_ACCOUNT, type DemoAccount } from '../../demo/scenario';
import { DEFAULT_SETTINGS } from '../../lib/analysis/settings';
import { supportRequest } from '../../lib/exports/support-request';
import type { Report } from '../../lib/report-schema';
import { reportOf } from '../support/pipeline';

const base = (over: Partial<DemoAccount>): DemoAccount => ({ ...SEED_ACCOUNT, usage: { totalSpendCents: 0, from: '2026-11-01', to: '2026-11-30' }, ...over });
const critical = (r: Report) => r.alerts.filter((a) => a.severity === 'critical');
const named = (r: Report, kind: string) => r.alerts.filter((a) => a.kind === kind).flatMap((a) => a.invoices);
const invoice = (r: Report, seq: string) => r.invoices.find((i) => i.number === `5E1F7A2C-${seq}`)!;

describe('recharge or purchase', () => {
  // Auto-recharge at $5 up to $25: each recharge adds about $20. A $100 top-up is bought by hand.
  const account = base({
    autoRecharge: { thresholdCents: 500, targetCents: 2500 },
    purchases: [
      { paidAt: '2026-10-02T10:00', amountCents: 2000, usedCents: 2000 },
      { paidAt: '2026-11-05T09:00', amountCents: 2000, usedCents: 500 },
      { paidAt: '2026-11-10T12:00', amountCents: 10000, usedCents: 0 },
      { paidAt: '2026-11-12T08:00', amountCents: 2000, usedCents: 0 },
    ],
  });

  it('never calls a $100 manual top-up a misfiring recharge, nor asks for it back', () => {
    const r = reportOf(account);
    expect(invoice(r, '0003').charge).toBe('purchase');
    expect(named(r, 'recharge-above-threshold')).toEqual(['5E1F7A2C-0004']);
    expect(named(r, 'rapid-recharge')).toEqual([]);
    const text = supportRequest(r);
    expect(text).toContain('5E1F7A2C-0004');
    expect(text).not.toContain('5E1F7A2C-0003');
  });

  it('says less when the target is not known: a warning that says what is missing, no critical', () => {
    const r = reportOf({ ...account, autoRecharge: null }, ['credit-grants', 'billing-history']);
    expect(critical(r)).toEqual([]);
    expect(r.invoices.map((i) => i.charge)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(r.warnings.join(' ')).toMatch(/threshold is unknown/);
  });

  it('takes threshold and target from the settings when no overview gave them, and says so', () => {
    const r = reportOf({ ...account, autoRecharge: null }, ['credit-grants', 'billing-history'], { ...defaults, thresholdCents: 500, targetCents: 2500 });
    expect(critical(r).map((a) => a.invoices[0])).toEqual(['5E1F7A2C-0004']);
    expect(r.rechargeRule).toEqual({ thresholdCents: 500, thresholdFrom: 'settings', targetCents: 2500, targetFrom: 'settings', offNow: false });
    expect(r.warnings.join(' ')).toMatch(/Using the threshold \$5\.00 from the settings/);
  });

  it('with the threshold known but not the target, warns instead of claiming', () => {
    const r = reportOf({ ...account, autoRecharge: null }, ['credit-grants', 'billing-history'], { ...defaults, thresholdCents: 500 });
    expect(critical(r)).toEqual([]);
    const above = r.alerts.filter((a) => a.kind === 'recharge-above-threshold');
    expect(above.map((a) => [a.severity, a.invoices[0]])).toEqual([
      ['warning', '5E1F7A2C-0003'],
      ['warning', '5E1F7A2C-0004'],
    ]);
    expect(above[0]!.message).toMatch(/if it was an auto-recharge.*cannot be told from a purchase made by hand/);
    expect(supportRequest(r)).not.toMatch(/refund/i);
  });

  it('auto-recharge shown off now says nothing certain about the past: no critical without the settings', () => {
    const r = reportOf({ ...SEED_ACCOUNT, autoRecharge: null });
    expect(r.autoRecharge).toEqual({ enabled: false, thresholdCents: null, targetCents: null });
    expect(critical(r)).toEqual([]);
    expect(r.warnings.join(' ')).toMatch(/shows auto-recharge off now.*not known/);
    expect(r.rechargeRule.offNow).toBe(true);
  });
});

const defaults = DEFAULT_SETTINGS;

describe('a tax rate that changes (moved country: 20% VAT, then 23%)', () => {
  const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'];
  const account = base({
    autoRecharge: null,
    taxBasisPoints: 2000,
    taxChanges: [{ from: '2026-06-15T00:00', basisPoints: 2300 }],
    purchases: months.flatMap((m, k) => [
      { paidAt: `2026-${m}-03T10:00`, amountCents: 1000 + 500 * (k % 3), usedCents: 1000 },
      { paidAt: `2026-${m}-20T16:30`, amountCents: 2000, usedCents: k === 10 ? 0 : 2000 },
    ]),
  });

  it('finds both rates and matches every invoice to its grant', () => {
    const r = reportOf(account);
    expect(r.taxPeriods).toEqual([
      { from: '2026-01-03T10:00', rateBasisPoints: 2000 },
      { from: '2026-06-20T16:30', rateBasisPoints: 2300 },
    ]);
    expect(r.grants.every((g) => g.purchase !== null)).toBe(true);
    const truth = new Map(demoInvoices(account).map((i) => [i.number, i.purchase.amountCents]));
    for (const g of r.grants) expect(truth.get(g.purchase!.invoice)).toBe(g.amountCents);
    expect(r.alerts.filter((a) => a.kind === 'unmatched-charge')).toEqual([]);
  });

  it('counts purchased credit and tax exactly', () => {
    const r = reportOf(account);
    const truth = demoInvoices(account);
    expect(r.totals.creditsPurchasedCents).toBe(demoGrants(account).reduce((s, g) => s + g.amountCents, 0));
    expect(r.totals.taxCents).toBe(truth.reduce((s, i) => s + i.taxCents, 0));
    expect(r.totals.paidCents).toBe(truth.reduce((s, i) => s + i.totalCents, 0));
    expect(r.warnings.filter((w) => !/auto-recharge/.test(w))).toEqual([]);
  });
});

describe('refunds, failures, currencies', () => {
  it('a -$10.00 refund row is money given back: never "charged -$10.00", taken off what was paid', () => {
    const r = reportOf(
      base({
        purchases: [
          ...SEED_ACCOUNT.purchases,
          { paidAt: '2026-11-04T09:00', amountCents: -1000, usedCents: 0, totalCents: -1000 },
        ],
      }),
    );
    const refund = invoice(r, '0009');
    expect(refund).toMatchObject({ totalCents: -1000, charge: 'not-a-charge', paidCents: -1000, refundedCents: 1000, grantIds: [] });
    expect(r.alerts.some((a) => a.invoices.includes(refund.number))).toBe(false);
    expect(r.alerts.map((a) => a.message).join('\n')).not.toContain('-$10.00');
    expect(r.totals.paidCents).toBe(8712 - 1000);
    expect(r.totals.refundedCents).toBe(1000);
    expect(critical(r).filter((a) => a.kind === 'recharge-above-threshold')).toHaveLength(7);
  });

  it('a partially refunded charge was paid: it counts, keeps its grant, and is no critical claim', () => {
    const purchases = SEED_ACCOUNT.purchases.map((p, k) => (k === 8 ? { ...p, invoiceStatus: 'Partially refunded' as const } : p));
    const r = reportOf(base({ purchases }));
    expect(r.totals.paidCents).toBe(8712);
    const last = invoice(r, '0008');
    expect(last).toMatchObject({ status: 'partially-refunded', paidCents: 1089, charge: 'recharge' });
    expect(last.grantIds).toHaveLength(1);
    const about = r.alerts.filter((a) => a.kind === 'recharge-above-threshold' && a.invoices[0] === last.number);
    expect(about.map((a) => a.severity)).toEqual(['warning']);
    expect(about[0]!.message).toMatch(/Part of it has been refunded already/);
    expect(r.warnings.join(' ')).toMatch(/partly refunded \(5E1F7A2C-0008\)/);
    expect(supportRequest(r)).not.toContain('5E1F7A2C-0008');
  });

  it('refunded and failed payments are not money spent, and no alert is about them', () => {
    const purchases = [
      ...SEED_ACCOUNT.purchases.slice(0, 3),
      { paidAt: '2026-11-03T13:30', amountCents: 1000, usedCents: 0, invoiceStatus: 'Refunded' as const },
      { paidAt: '2026-11-03T13:40', amountCents: 1000, usedCents: 0, invoiceStatus: 'Failed' as const },
    ];
    const r = reportOf(base({ purchases }));
    expect(r.totals.paidCents).toBe(2 * 1089);
    expect(r.totals.refundedCents).toBe(1089);
    for (const seq of ['0003', '0004']) {
      expect(invoice(r, seq).charge).toBe('not-a-charge');
      expect(r.alerts.some((a) => a.invoices.includes(`5E1F7A2C-${seq}`))).toBe(false);
    }
  });

  it('a retry after a failed payment is one purchase, not a rapid recharge', () => {
    const purchases = [
      SEED_ACCOUNT.purchases[1]!,
      { paidAt: '2026-11-03T13:02', amountCents: 1000, usedCents: 0, invoiceStatus: 'Failed' as const },
      { paidAt: '2026-11-03T13:09', amountCents: 1000, usedCents: 0 },
    ];
    const r = reportOf(base({ purchases }));
    expect(r.alerts.filter((a) => a.kind === 'rapid-recharge')).toEqual([]);
    expect(r.grants.filter((g) => g.purchase?.invoice === '5E1F7A2C-0003')).toHaveLength(1);
    expect(r.totals.paidCents).toBe(2 * 1089);
  });

  it('never matches across currencies', () => {
    const ledgerAccount = base({ purchases: SEED_ACCOUNT.purchases.slice(0, 3) });
    const r = reportOf(ledgerAccount, undefined, undefined, (html) => html.replace('$10.89', '€10.89'));
    const euro = r.invoices.find((i) => i.totalCents === 1089 && i.grantIds.length === 0);
    expect(euro).toBeDefined();
    expect(euro!.charge).toBe('not-a-charge');
    expect(r.warnings.join(' ')).toMatch(/1 invoice in EUR: not matched to the grants \(in USD\) and not counted in the totals/);
    expect(r.totals.paidCents).toBe(1089);
  });
});

describe('promotional grants and the 12 months of billing history', () => {
  it('a promotional grant with the same day and amount as purchases takes no invoice, and no bought grant is called promotional', () => {
    const purchases = [
      { paidAt: '2026-10-31T08:00', amountCents: 1000, usedCents: 0, promo: true },
      ...SEED_ACCOUNT.purchases.slice(2),
    ];
    const r = reportOf(base({ purchases }));
    const promo = r.grants.find((g) => g.expiresOn === '2027-01-31')!;
    expect(promo.displayedDate).toBe('2026-10-31');
    expect(promo.purchase).toBeNull();
    expect(promo.unmatched).toEqual({ code: 'promotional', expiresOn: '2027-01-31' });
    const bought = r.grants.filter((g) => g !== promo);
    expect(bought).toHaveLength(7);
    expect(bought.every((g) => g.purchase !== null)).toBe(true);
    expect(r.alerts.filter((a) => a.kind === 'unmatched-charge')).toEqual([]);
  });

  it('a two-month-old account is not told its grant is older than the 12 months of history', () => {
    const purchases = [
      { paidAt: '2026-09-25T08:00', amountCents: 500, usedCents: 0, promo: true },
      ...SEED_ACCOUNT.purchases.slice(2, 4),
    ];
    // A 12-month promotion: its expiry cannot tell it from a purchase.
    const r = reportOf(base({ purchases }), undefined, undefined, (html) => html.replace('Dec 31, 2026', 'Sep 30, 2027'));
    const first = r.grants.find((g) => g.displayedDate === '2026-09-25')!;
    expect(first.expiresOn).toBe('2027-09-30');
    expect(first.unmatched?.code).toBe('no-fitting-invoice');
    expect(first.unmatchedReason).toMatch(/^No invoice of \$5\.4\d was paid on or after its date\.$/);
    expect(r.historyWindowFrom).toBe('2025-11-27');
  });

  it('a grant bought before the 12 months the history lists (from when it was read) says so', () => {
    const purchases = [{ paidAt: '2025-09-10T08:00', amountCents: 1000, usedCents: 0 }, ...SEED_ACCOUNT.purchases.slice(1, 3)];
    const account = base({ purchases });
    const r = reportOf(account, undefined, undefined, (html) => html.replace(/<tr><td>5E1F7A2C-0001<\/td>.*?<\/tr>/, ''));
    const old = r.grants.find((g) => g.displayedDate === '2025-08-31')!;
    expect(old.unmatched).toEqual({ code: 'before-history-window', since: '2025-11-27' });
    expect(old.unmatchedReason).toBe('Its invoice would be older than the 12 months of billing history the site lists (since Nov 27, 2025).');
  });
});
