import { describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { csvCell, grantsCsv } from '../../lib/exports/grants-csv';
import { monthlyStatement, STATEMENT_HEADER } from '../../lib/exports/statement';
import { supportRequest } from '../../lib/exports/support-request';
import { SettingsSchema } from '../../lib/analysis/settings';
import { reportOf } from '../support/pipeline';

describe('CSV', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', "'+1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-0.07', '-0.07'],
    ['-1+2', "'-1+2"],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    [' =1+1', "' =1+1"],
    ['\t=1+1', "'\t=1+1"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\r\n @SUM(A1)', `"'\r\n @SUM(A1)"`],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['\u00A0+1', "'\u00A0+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['  ＝1', "'  ＝1"],
    ['\tplain', "'\tplain"],
    ['  plain', '  plain'],
    ['Acme\u001b[31m', 'Acme[31m'],
    ['a\u202Eb', 'ab'],
  ])('writes %j safely as %j', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('has one row per grant with its purchase and tax, amounts from integer cents', () => {
    const csv = grantsCsv(reportOf(SEED_ACCOUNT)).trim().split('\r\n');
    expect(csv).toHaveLength(10);
    expect(csv).toContain('2026-05-31,available,10.00,6.20,3.80,2027-06-30,5E1F7A2C-0001,2026-06-12T09:41,10.89,0.89,exact,,USD,https://invoice.stripe.com/i/acct_demo/5E1F7A2C-0001,');
    expect(csv[9]).toMatch(/^2026-01-05,expired,5\.00,3\.80,1\.20,2026-04-30,,,,,,"Its expiry \(Apr 30, 2026\) does not fit credit bought.*",USD,,$/);
  });

  it('says which purchases a critical alert flags, with the invoice’s own page (trusted hosts only)', () => {
    const r = reportOf(SEED_ACCOUNT);
    const rows = grantsCsv(r).trim().split('\r\n').slice(1);
    const flagged = rows.filter((row) => row.endsWith(',yes'));
    expect(flagged).toHaveLength(7); // the headline's 7 charges
    expect(flagged.every((row) => row.includes(',USD,https://invoice.stripe.com/i/acct_demo/'))).toBe(true);
    const hostile = { ...r, invoices: r.invoices.map((i) => ({ ...i, url: 'javascript:alert(1)' })) };
    expect(grantsCsv(hostile)).not.toContain('javascript:');
  });
});

describe('monthly statement', () => {
  it('has one row per month with an invoice or a grant, and a total row equal to the report', () => {
    const r = reportOf(SEED_ACCOUNT);
    const lines = monthlyStatement(r).trim().split('\r\n');
    expect(lines[0]).toBe(STATEMENT_HEADER.join(','));
    expect(lines.slice(1)).toEqual([
      '2026-01,0,0.00,0.00,0.00,0.00,0,0.00,3.80',
      '2026-06,1,10.89,0.89,10.00,0.00,0,0.00,0.00',
      '2026-11,7,76.23,6.23,70.00,0.00,7,76.23,0.00',
      'total,8,87.12,7.12,80.00,0.00,7,76.23,3.80',
    ]);
    const total = lines[4]!.split(',');
    expect(total[2]).toBe((r.totals.paidCents / 100).toFixed(2));
    expect(total[8]).toBe((r.totals.creditsExpiredCents / 100).toFixed(2));
  });

  it('counts refunds in their month and nets them (and the tax inside, at the rate of their time) out of what was paid', () => {
    const r = reportOf({ ...SEED_ACCOUNT, purchases: [...SEED_ACCOUNT.purchases, { paidAt: '2026-12-01T09:00', amountCents: -1000, usedCents: 0, totalCents: -1000 }] });
    const lines = monthlyStatement(r).trim().split('\r\n');
    expect(lines).toContain('2026-12,1,-10.00,-0.82,0.00,10.00,0,0.00,0.00');
    expect(lines[lines.length - 1]).toBe('total,9,77.12,6.30,80.00,10.00,7,76.23,3.80');
  });
});

describe('support request', () => {
  it('names every unwarranted charge with its time, amount and the unused credit, and the total at stake', () => {
    const text = supportRequest(reportOf(SEED_ACCOUNT));
    expect(text).toMatch(/^Subject: Refund request: 7 auto-recharge charges made while credit above the threshold was unused\n/);
    expect(text).toContain('Organization: "Personal"');
    expect(text).toContain('more than the auto-recharge threshold of $5.00 shown on the billing overview (read Nov 27, 2026 10:00)');
    const lines = text.split('\n').filter((l) => l.startsWith('- Invoice '));
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('- Invoice 5E1F7A2C-0008: $10.89 on Nov 3, 2026 19:01, while at least $66.20 of earlier credit was unused');
    expect(text).toContain('These charges total $76.23.');
    expect(text).toContain('Times are as shown on the billing history page, in the local time of the browser that read it.');
    expect(text).toContain('= credit bought $80.00 + tax $7.12');
    expect(text).toContain('https://help.openai.com');
    expect(text).toContain('Billing → Overview → Auto recharge, "Modify"');
  });

  it('says nothing on the user’s behalf', () => {
    const text = supportRequest(reportOf(SEED_ACCOUNT));
    expect(text).not.toMatch(/I have turned|turned (it )?off|I (did|didn't|never)/i);
  });

  it('names the time zone when it is known', () => {
    expect(supportRequest(reportOf(SEED_ACCOUNT), { timeZone: 'Australia/Sydney' })).toContain('local time of the browser that read it (Australia/Sydney).');
  });

  it('gives a healthy account no refund wording', () => {
    const text = supportRequest(reportOf({ ...SEED_ACCOUNT, purchases: SEED_ACCOUNT.purchases.slice(0, 2) }));
    expect(text).toMatch(/^Subject: Billing reconciliation for organization "Personal"/);
    expect(text).not.toMatch(/refund|unwarranted|misfir/i);
    expect(text).not.toContain('Auto recharge, "Modify"');
  });

  it('with only the billing history read, claims nothing about credit, and says which page is not read', () => {
    const text = supportRequest(reportOf(SEED_ACCOUNT, ['billing-history']));
    expect(text).not.toMatch(/refund/i);
    expect(text).not.toMatch(/credit grants page (shows|still)/);
    expect(text).not.toContain('credit $0.00');
    expect(text).toContain('- Paid, as the billing history lists it: $87.12');
    expect(text).toContain('- Credit bought, used and available: not read yet (the credit grants page)');
  });

  it('with the threshold from the settings, says where it came from', () => {
    const text = supportRequest(reportOf(SEED_ACCOUNT, ['credit-grants', 'billing-history'], SettingsSchema.parse({ thresholdCents: 500, targetCents: 1500 })));
    expect(text).toContain("the auto-recharge threshold of $5.00 (as entered in Credit Lens's settings; the billing overview did not show it)");
  });
});

describe('times in words', () => {
  it('are the pages’ wall clock in any time zone, even in a daylight-saving gap', async () => {
    const { PLAIN } = await import('../../lib/exports/english');
    const { wall } = (await import('../../components/format')).words();
    const before = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Australia/Sydney', 'Pacific/Honolulu', 'America/New_York']) {
        process.env.TZ = tz;
        // 02:30 on Oct 4, 2026 does not exist in Sydney (clocks jump from 02:00 to 03:00).
        expect(PLAIN.wall('2026-10-04T02:30')).toBe('Oct 4, 2026 02:30');
        expect(PLAIN.day('2026-03-08')).toBe('Mar 8, 2026');
        expect(wall('2026-10-04T02:30')).toMatch(/2:30/);
      }
    } finally {
      process.env.TZ = before;
    }
  });
});
