import { describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { csvCell, grantsCsv } from '../../lib/exports/grants-csv';
import { supportRequest } from '../../lib/exports/support-request';
import { reportOf } from '../support/pipeline';

describe('CSV', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', "'+1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-0.07', '-0.07'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
  ])('writes %j safely as %j', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('has one row per grant with its purchase and tax, amounts from integer cents', () => {
    const csv = grantsCsv(reportOf(SEED_ACCOUNT)).trim().split('\r\n');
    expect(csv).toHaveLength(10);
    expect(csv).toContain('2026-05-31,available,10.00,6.20,3.80,2027-06-30,5E1F7A2C-0001,2026-06-12T09:41,10.89,0.89,exact,');
    expect(csv[9]).toMatch(/^2026-01-05,expired,5\.00,3\.80,1\.20,2026-04-30,,,,,,"Its expiry \(Apr 30, 2026\) does not fit credit bought/);
  });
});

describe('support request', () => {
  it('names every unwarranted charge with its time, amount and the unused credit, and the totals', () => {
    const text = supportRequest(reportOf(SEED_ACCOUNT));
    expect(text).toMatch(/^Subject: Refund request/);
    expect(text).toContain('has auto-recharge set to charge when the credit balance reaches $5.00');
    const lines = text.split('\n').filter((l) => l.startsWith('- Invoice '));
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('- Invoice 5E1F7A2C-0008: $10.89 on Nov 3, 2026 19:01, while at least $66.20 of earlier credit was unused');
    expect(text).toContain('These charges total $76.23.');
    expect(text).toContain('- Paid: $87.12 (credit $80.00 + tax $7.12)');
  });

  it('asks for nothing when nothing looks wrong', () => {
    const text = supportRequest(reportOf({ ...SEED_ACCOUNT, purchases: SEED_ACCOUNT.purchases.slice(0, 2) }));
    expect(text).toContain('found no charge that looks unwarranted');
    expect(text).not.toContain('Please refund');
  });
});
