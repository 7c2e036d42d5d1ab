// @vitest-environment node
// Pages saved from browsers in other locales (English words, local dates), read row for row by
// `npm run audit` without --locale, as a new user would run it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../lib/report-schema';

const DIR = resolve('tests/fixtures/locales');
const filesOf = (locale: string) =>
  readdirSync(join(DIR, locale))
    .sort()
    .map((f) => join(DIR, locale, f));

function audit(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', '--today', '2026-06-30', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function report(args: string[]): Report {
  const r = audit(['--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return ReportSchema.parse(JSON.parse(r.stdout));
}

const grantRows = (r: Report) => r.grants.map((g) => [g.displayedDate, g.state, g.amountCents, g.remainingCents, g.expiresOn, g.purchase?.invoice ?? null]);
const invoiceRows = (r: Report) => r.invoices.map((i) => [i.number, i.status, i.totalCents, i.currency, i.createdAt]);

describe('npm run audit on pages saved in other locales, without --locale', { timeout: 120_000 }, () => {
  it('vi-VN, as observed ("0FCE475C-0004 | Paid | $8.80 | 6:46 27 thg 5, 2026"), two pages of history merged', () => {
    const r = report(filesOf('vi-VN'));
    expect(r.sources.map((s) => [s.file, s.rows, s.locale])).toEqual([
      ['billing-history-1.html', 3, 'vi-VN'],
      ['billing-history-2.html', 4, 'vi-VN'],
      ['credit-grants.html', 6, 'vi-VN'],
      ['overview.html', 0, null],
    ]);
    expect(invoiceRows(r)).toEqual([
      ['0FCE475C-0006', 'paid', 1100, 'USD', '2026-06-14T18:12'],
      ['0FCE475C-0005', 'paid', 880, 'USD', '2026-06-02T07:30'],
      ['0FCE475C-0004', 'paid', 880, 'USD', '2026-05-27T06:46'],
      ['0FCE475C-0003', 'refunded', 880, 'USD', '2026-04-09T21:05'],
      ['0FCE475C-0002', 'paid', 2750, 'USD', '2026-03-01T00:15'],
      ['0FCE475C-0001', 'paid', 550, 'USD', '2025-12-24T12:00'],
    ]);
    expect(grantRows(r)).toEqual([
      ['2026-05-31', 'available', 1000, 1000, '2027-06-30', '0FCE475C-0006'],
      ['2026-05-31', 'available', 800, 650, '2027-06-02', '0FCE475C-0005'],
      ['2026-04-30', 'available', 800, 0, '2027-05-27', '0FCE475C-0004'],
      ['2026-02-28', 'available', 2500, 320, '2027-03-01', '0FCE475C-0002'],
      ['2025-11-30', 'available', 500, 0, '2026-12-24', '0FCE475C-0001'],
      ['2025-01-15', 'expired', 500, 500, '2025-04-15', null],
    ]);
    expect(r.invoices[0]!.url).toBe('https://invoice.stripe.com/i/acct_1Nx/0FCE475C-0006');
    expect(r.autoRecharge).toEqual({ enabled: false, thresholdCents: null, targetCents: null });
    expect(r.totals.paidCents).toBe(1100 + 880 + 880 + 2750 + 550);
  });

  it('de-DE: Amount | Tax | Total takes Total; a state drawn as an icon; the View link, not the receipt', () => {
    const r = report(filesOf('de-DE'));
    expect(r.sources.map((s) => [s.file, s.locale, s.warnings])).toEqual([
      ['billing-history.html', 'de-DE', []],
      ['credit-grants.html', 'de-DE', []],
      ['overview.html', null, []],
    ]);
    expect(invoiceRows(r)).toEqual([
      ['7F2A9C1D-0003', 'paid', 1190, 'USD', '2026-06-03T14:05'],
      ['7F2A9C1D-0002', 'paid', 1190, 'USD', '2026-05-02T09:41'],
      ['7F2A9C1D-0001', 'paid', 2380, 'USD', '2026-04-01T23:59'],
    ]);
    expect(r.invoices.map((i) => i.url)).toEqual(['https://invoice.stripe.com/i/acct_de/3', 'https://invoice.stripe.com/i/acct_de/2', null]);
    expect(grantRows(r)).toEqual([
      ['2026-05-31', 'available', 1000, 1000, '2027-06-03', '7F2A9C1D-0003'],
      ['2026-04-30', 'available', 1000, 425, '2027-05-02', '7F2A9C1D-0002'],
      ['2026-03-31', 'used', 2000, 0, '2027-04-01', '7F2A9C1D-0001'],
    ]);
    expect(r.autoRecharge).toEqual({ enabled: true, thresholdCents: 500, targetCents: 1500 });
  });

  it('ja-JP: hidden parts skipped, an unsure one refused by name, yen kept in yen', () => {
    const r = report(filesOf('ja-JP'));
    expect(r.sources.map((s) => [s.file, s.locale])).toEqual([
      ['billing-history.html', 'ja-JP'],
      ['credit-grants.html', 'ja-JP'],
      ['usage.html', 'ja-JP'],
    ]);
    expect(invoiceRows(r)).toEqual([
      ['3C9E1B7A-0004', 'paid', 1100, 'USD', '2026-06-01T09:05'], // "$1<span hidden>0</span>1.00"
      ['3C9E1B7A-0003', 'open', 550, 'USD', '2026-05-02T18:30'],
      ['3C9E1B7A-0001', 'void', 1500, 'JPY', '2026-03-15T12:00'], // 1,500 yen, not 150,000 cents
    ]);
    expect(r.warnings.join('\n')).toMatch(/row 3 \(3C9E1B7A-0002.*was not recorded: the Amount cell .*opacity:0/);
    expect(grantRows(r)).toEqual([
      ['2026-05-31', 'available', 1000, 200, '2027-06-01', '3C9E1B7A-0004'],
      ['2026-04-30', 'pending', 500, 500, '2027-05-02', null],
    ]);
    expect(r.totals.usageReportedCents).toBe(300);
  });

  it('fr-FR: "10,00 $" amounts and every invoice status', () => {
    const r = report(filesOf('fr-FR'));
    expect(r.sources.map((s) => [s.file, s.locale, s.warnings])).toEqual([
      ['billing-history.html', 'fr-FR', []],
      ['credit-grants.html', 'fr-FR', []],
      ['overview.html', null, []],
    ]);
    expect(invoiceRows(r)).toEqual([
      ['9B8A7C6D-0006', 'open', 1200, 'USD', '2026-06-20T10:00'],
      ['9B8A7C6D-0005', 'failed', 1200, 'USD', '2026-06-19T10:00'],
      ['9B8A7C6D-0004', 'paid', 1200, 'USD', '2026-06-03T14:05'],
      ['9B8A7C6D-0003', 'paid', 1200, 'USD', '2026-05-02T09:41'],
      ['9B8A7C6D-0002', 'failed', 1200, 'USD', '2026-02-10T16:45'],
      ['9B8A7C6D-0001', 'partially-refunded', 600, 'USD', '2025-04-01T08:00'],
    ]);
    expect(grantRows(r)).toEqual([
      ['2026-05-31', 'available', 1000, 1000, '2027-06-03', '9B8A7C6D-0004'],
      ['2026-04-30', 'used', 1000, 0, '2027-05-02', '9B8A7C6D-0003'],
      // A partly refunded charge still bought its grant (its amount, 20 % tax and dates fit).
      ['2025-03-31', 'expired', 500, 150, '2026-03-31', '9B8A7C6D-0001'],
    ]);
    expect(r.autoRecharge).toEqual({ enabled: true, thresholdCents: 500, targetCents: 2000 });
  });

  it('reads the same with --locale given, and a wrong --locale is a warning per row, not a guess', () => {
    const auto = report(filesOf('vi-VN'));
    expect(report(['--locale', 'vi-VN', ...filesOf('vi-VN')])).toEqual(auto);
    const wrong = report(['--locale', 'en-US', join(DIR, 'vi-VN', 'billing-history-1.html'), join(DIR, 'vi-VN', 'overview.html')]);
    expect(wrong.invoices).toEqual([]);
    expect(wrong.warnings.filter((w) => /row \d \(0FCE475C-.*was not recorded: "[^"]*thg[^"]*" is not a date and time as en-US shows them/.test(w))).toHaveLength(3);
  });

  it('refuses an unknown --locale with one line', () => {
    const r = audit(['--locale', 'not a locale', join(DIR, 'vi-VN', 'credit-grants.html')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--locale takes a browser locale/);
  });
});
