import { describe, expect, it } from 'vitest';
import { generateAccount } from '../../demo/generate';
import { demoGrants, demoInvoices } from '../../demo/rows';
import { SEED_ACCOUNT, type DemoAccount } from '../../demo/scenario';
import { SettingsSchema } from '../../lib/analysis/settings';
import { ReportSchema, type Report } from '../../lib/report-schema';
import { buildReport } from '../../lib/analysis/report';
import { ledgerOf, reportOf } from '../support/pipeline';

const alertsOf = (r: Report, kind: string) => r.alerts.filter((a) => a.kind === kind);

/** The totals always add up to the cent. */
function expectConsistent(r: Report): void {
  expect(ReportSchema.parse(r)).toEqual(r);
  const t = r.totals;
  const matchedPaid = r.invoices.filter((i) => i.status === 'paid' && i.grantIds.length).reduce((s, i) => s + i.totalCents, 0);
  const matchedTax = r.grants.reduce((s, g) => s + (g.purchase?.taxCents ?? 0), 0);
  expect(matchedPaid).toBe(t.creditsPurchasedCents + matchedTax);
  expect(t.creditsUsedCents + t.creditsAvailableCents + t.creditsExpiredCents).toBe(r.grants.reduce((s, g) => s + g.amountCents, 0));
  for (const g of r.grants) if (g.purchase) expect(g.purchase.taxCents).toBe(g.purchase.totalCents - g.amountCents);
}

describe('the seed case: hourly $10 recharges at a $5 threshold, nothing used, usage $0.00', () => {
  const r = reportOf(SEED_ACCOUNT);

  it('shows each paid grant with the invoice that bought it, its real date and its tax', () => {
    expectConsistent(r);
    const bought = r.grants.filter((g) => g.purchase);
    expect(bought).toHaveLength(8);
    expect(new Set(bought.map((g) => g.purchase!.invoice)).size).toBe(8);
    const june = r.grants.find((g) => g.displayedDate === '2026-05-31')!;
    expect(june.purchase).toEqual({ invoice: '5E1F7A2C-0001', paidAt: '2026-06-12T09:41', totalCents: 1089, taxCents: 89, confidence: 'exact' });
    expect(r.grants.filter((g) => g.displayedDate === '2026-10-31').every((g) => g.purchase!.confidence === 'likely' && g.purchase!.paidAt.startsWith('2026-11-03'))).toBe(true);
  });

  it('leaves the promotional grant unmatched: its expiry fits no purchase', () => {
    const promo = r.grants.find((g) => g.displayedDate === '2026-01-05')!;
    expect(promo.purchase).toBeNull();
    expect(promo.unmatched).toEqual({ code: 'promotional', expiresOn: '2026-04-30' });
    expect(promo.unmatchedReason).toBe('Its expiry (Apr 30, 2026) does not fit credit bought on or after its date: promotional or free credit, which no invoice bought.');
  });

  it('reconciles to the cent', () => {
    expect(r.totals).toEqual({
      paidCents: 8712,
      taxCents: 712,
      creditsPurchasedCents: 8000,
      creditsUsedCents: 500,
      creditsAvailableCents: 7620,
      creditsExpiredCents: 380,
      usageReportedCents: 0,
      refundedCents: 0,
    });
  });

  it('raises rapid-recharge and a critical recharge-above-threshold for each unwarranted charge', () => {
    const rapid = alertsOf(r, 'rapid-recharge');
    expect(rapid).toHaveLength(1);
    expect(rapid[0]!.severity).toBe('critical');
    expect(rapid[0]!.invoices).toEqual(['0002', '0003', '0004', '0005', '0006', '0007', '0008'].map((n) => `5E1F7A2C-${n}`));
    const above = alertsOf(r, 'recharge-above-threshold');
    expect(above.map((a) => [a.severity, a.invoices[0]])).toEqual(['0002', '0003', '0004', '0005', '0006', '0007', '0008'].map((n) => ['critical', `5E1F7A2C-${n}`]));
    expect(above[0]!.message).toBe(
      'Charged $10.89 on Nov 3, 2026 13:02 (invoice 5E1F7A2C-0002) while at least $6.20 of earlier credit was unused (threshold $5.00, as the billing overview shows it now). ' +
        'The credit grants page still shows that much left in 1 grant bought before this charge, so the balance never fell below the threshold. ' +
        '(If the threshold was higher then, or you bought this credit by hand, it may have been right.)',
    );
    expect(above[6]!.message).toContain('at least $66.20');
    expect(alertsOf(r, 'credits-accumulating')).toHaveLength(1);
    expect(alertsOf(r, 'usage-mismatch')[0]!.message).toMatch(/Usage shows \$0\.00 .* while \$76\.23 was paid/);
    expect(alertsOf(r, 'unmatched-charge')).toEqual([]);
  });

  it('explains the quirks with this account’s numbers', () => {
    expect(r.explanations.join('\n')).toMatch(/shows Oct 31, 2026 for the credit paid on Nov 3, 2026 13:02/);
    expect(r.explanations.join('\n')).toMatch(/\$10\.89 = \$10\.00 of credit \+ \$0\.89 tax/);
  });
});

const base = (over: Partial<DemoAccount>): DemoAccount => ({ ...SEED_ACCOUNT, autoRecharge: null, usage: { totalSpendCents: 0, from: '2026-11-01', to: '2026-11-30' }, ...over });

describe('matching', () => {
  it.each([0, 887.5, 2000, 2700])('infers a %s bp tax rate and matches every grant, rounding either way', (bp) => {
    for (const taxRounding of ['round', 'floor', 'ceil'] as const) {
      const account = base({
        taxBasisPoints: bp,
        taxRounding,
        purchases: [
          { paidAt: '2026-03-02T08:00', amountCents: 500, usedCents: 500 },
          { paidAt: '2026-04-15T12:30', amountCents: 1337, usedCents: 100 },
          { paidAt: '2026-05-20T19:45', amountCents: 2000, usedCents: 0 },
          { paidAt: '2026-07-01T00:05', amountCents: 999, usedCents: 0 },
        ],
      });
      const r = reportOf(account);
      expectConsistent(r);
      expect(r.grants.every((g) => g.purchase !== null)).toBe(true);
      const truth = demoInvoices(account);
      for (const g of r.grants) expect(truth.find((i) => i.number === g.purchase!.invoice)!.purchase.amountCents).toBe(g.amountCents);
    }
  });

  it('keeps equal amounts across months apart by date', () => {
    const account = base({
      purchases: ['2026-06-03T10:00', '2026-06-20T10:00', '2026-07-02T10:00', '2026-07-30T10:00', '2026-08-01T09:00'].map((paidAt) => ({ paidAt, amountCents: 1000, usedCents: 0 })),
    });
    const r = reportOf(account);
    const byMonth = r.grants.map((g) => [g.displayedDate, g.purchase!.paidAt.slice(0, 7)]);
    expect(byMonth).toEqual([
      ['2026-07-31', '2026-08'],
      ['2026-06-30', '2026-07'],
      ['2026-06-30', '2026-07'],
      ['2026-05-31', '2026-06'],
      ['2026-05-31', '2026-06'],
    ]);
  });

  it('matches no grant to a refunded invoice, and counts it out of what was paid', () => {
    const account = base({
      purchases: [
        { paidAt: '2026-06-03T10:00', amountCents: 1000, usedCents: 0, invoiceStatus: 'Refunded' },
        { paidAt: '2026-06-04T10:00', amountCents: 1000, usedCents: 0 },
      ],
    });
    const r = reportOf(account);
    expect(r.grants).toHaveLength(1);
    expect(r.grants[0]!.purchase!.invoice).toBe('5E1F7A2C-0002');
    expect(r.invoices.find((i) => i.number === '5E1F7A2C-0001')).toMatchObject({ status: 'refunded', grantIds: [] });
    expect(r.totals.paidCents).toBe(1089);
    expect(alertsOf(r, 'unmatched-charge')).toEqual([]);
  });

  it('says a promotional grant has no invoice', () => {
    const account = base({ purchases: [{ paidAt: '2026-08-10T10:00', amountCents: 500, usedCents: 0, promo: true }, { paidAt: '2026-09-01T10:00', amountCents: 1000, usedCents: 0 }] });
    const promo = reportOf(account).grants.find((g) => g.amountCents === 500)!;
    expect(promo.purchase).toBeNull();
    expect(promo.unmatched).toEqual({ code: 'promotional', expiresOn: '2026-11-30' });
  });

  it('says when the billing history or the grants page has not been read', () => {
    const grantsOnly = reportOf(SEED_ACCOUNT, ['credit-grants']);
    expect(grantsOnly.grants.filter((g) => g.unmatched?.code !== 'promotional').every((g) => g.unmatched?.code === 'history-not-read')).toBe(true);
    expect(grantsOnly.grants.filter((g) => g.unmatched?.code === 'history-not-read')).toHaveLength(8);
    expect(grantsOnly.warnings.join(' ')).toMatch(/billing history has not been read/);
    const historyOnly = reportOf(SEED_ACCOUNT, ['billing-history', 'overview']);
    expect(historyOnly.grants).toEqual([]);
    expect(historyOnly.warnings.join(' ')).toMatch(/credit grants page has not been read/);
    expect(alertsOf(historyOnly, 'unmatched-charge')).toEqual([]);
    expect(alertsOf(historyOnly, 'rapid-recharge')).toHaveLength(1);
  });

  it('uses the threshold from the settings when no overview page gave one, and says when there is none', () => {
    const noOverview = reportOf(SEED_ACCOUNT, ['credit-grants', 'billing-history']);
    expect(alertsOf(noOverview, 'recharge-above-threshold')).toEqual([]);
    expect(noOverview.warnings.join(' ')).toMatch(/threshold is unknown/);
    const withSetting = reportOf(SEED_ACCOUNT, ['credit-grants', 'billing-history'], SettingsSchema.parse({ thresholdCents: 500 }));
    expect(alertsOf(withSetting, 'recharge-above-threshold')).toHaveLength(7);
    expect(withSetting.warnings.join(' ')).toMatch(/Using the threshold \$5\.00 from the settings/);
  });

  it('says it uses the settings threshold when the overview shows auto-recharge on but not its threshold', () => {
    const ledger = ledgerOf(SEED_ACCOUNT, ['credit-grants', 'billing-history', 'overview']);
    const org = ledger.organizations.Personal!;
    org.overview = { ...org.overview!, autoRecharge: { enabled: true, thresholdCents: null, targetCents: null } };
    const r = buildReport(org, { today: SEED_ACCOUNT.today, settings: SettingsSchema.parse({ thresholdCents: 500 }) });
    expect(alertsOf(r, 'recharge-above-threshold')).toHaveLength(7);
    expect(r.warnings.join(' ')).toMatch(/Using the threshold \$5\.00 from the settings/);
  });

  it('warns about credit that expires within 30 days', () => {
    const account = base({ today: '2027-06-10', purchases: [{ paidAt: '2026-06-12T09:41', amountCents: 1000, usedCents: 380 }] });
    const alerts = alertsOf(reportOf(account), 'credits-expiring');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toBe('$6.20 of unused credit in 1 grant expires on Jun 30, 2027. Expired credit is not refunded.');
  });
});

describe('generated purchase histories: the report recovers the truth', () => {
  it.each(Array.from({ length: 30 }, (_, seed) => seed + 1))('seed %i', (seed) => {
    const account = generateAccount(40 + seed * 3, seed, { promoRate: 0, refundRate: 0.05 });
    const r = reportOf(account, ['credit-grants', 'billing-history']);
    expectConsistent(r);
    const truth = demoInvoices(account);
    const paid = truth.filter((i) => i.status === 'Paid');
    expect(r.totals.paidCents).toBe(paid.reduce((s, i) => s + i.totalCents, 0));
    expect(r.totals.taxCents).toBe(paid.reduce((s, i) => s + i.taxCents, 0));
    // Grants of one amount and displayed day are interchangeable: compare per group.
    const group = (d: string, a: number) => `${d}|${a}`;
    const expected = new Map<string, string[]>();
    const shown = new Map(demoGrants(account).map((g) => [g.purchase, g]));
    for (const inv of paid) {
      const g = shown.get(inv.purchase)!;
      const key = group(g.displayedDate, g.amountCents);
      expected.set(key, [...(expected.get(key) ?? []), inv.number].sort());
    }
    const got = new Map<string, string[]>();
    for (const g of r.grants) {
      expect(g.purchase, `grant ${g.id} unmatched: ${g.unmatchedReason}`).not.toBeNull();
      const key = group(g.displayedDate, g.amountCents);
      got.set(key, [...(got.get(key) ?? []), g.purchase!.invoice].sort());
    }
    expect(got).toEqual(expected);
  });
});
