// @vitest-environment node
// `npm run audit` as a user runs it: real files, a real process, exit codes and streams.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAccount } from '../../demo/generate';
import { renderTable, usd } from '../../demo/pages';
import { demoInvoices } from '../../demo/rows';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { ReportSchema, type Report } from '../../lib/report-schema';

let dir: string;
const page = (kind: Parameters<typeof savedPage>[0]) => join(dir, `${kind}.html`);

function audit(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', '--today', '2026-11-27', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], env?: Record<string, string>): Report {
  const r = audit(['--json', ...args], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return ReportSchema.parse(JSON.parse(r.stdout));
}

const withoutSources = (r: Report) => ({ ...r, sources: [], warnings: r.warnings });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credit-lens-audit-'));
  const saved = new Date(Date.UTC(2026, 10, 27, 10, 0, 0));
  for (const kind of ['credit-grants', 'billing-history', 'overview', 'usage'] as const) {
    writeFileSync(page(kind), savedPage(kind, SEED_ACCOUNT));
    utimesSync(page(kind), saved, saved);
  }
  writeFileSync(join(dir, 'plain.html'), '<!DOCTYPE html><html><body><h1>Hello</h1></body></html>');
  writeFileSync(join(dir, 'other.json'), '{"a": 1}');
}, 30_000);

// Each case starts real processes (~1 s each under load): generous timeouts, not speed goals.
describe('npm run audit', { timeout: 60_000 }, () => {
  it('prints one JSON document with every field of the report', () => {
    const r = json([page('credit-grants'), page('billing-history'), page('overview'), page('usage')]);
    expect(r.organization).toBe('Personal');
    expect(r.sources.map((s) => [s.page, s.file, s.rows])).toEqual([
      ['credit-grants', 'credit-grants.html', 9],
      ['billing-history', 'billing-history.html', 8],
      ['overview', 'overview.html', 0],
      ['usage', 'usage.html', 0],
    ]);
    expect(r.autoRecharge).toEqual({ enabled: true, thresholdCents: 500, targetCents: 1500 });
    expect(r.alerts.filter((a) => a.kind === 'recharge-above-threshold')).toHaveLength(7);
    expect(r.totals.paidCents).toBe(8712);
  });

  it('prints a readable report without --json', () => {
    const r = audit([page('credit-grants'), page('billing-history')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Credit Lens audit — organization: Personal/);
    expect(r.stdout).toContain('Oct 31, 2026      $10.00    $10.00  available Nov 3, 2026 13:02  invoice 5E1F7A2C-0002  $10.89 ($0.89 tax)');
    expect(r.stdout).toMatch(/threshold is unknown/);
  });

  it('takes --threshold when no overview page gives one', () => {
    const r = json(['--threshold', '5', page('credit-grants'), page('billing-history')]);
    expect(r.alerts.filter((a) => a.kind === 'recharge-above-threshold')).toHaveLength(7);
  });

  it.each([
    [[], /no FILE given/],
    [['missing.html'], /missing\.html: no such file/],
    [['PLAIN'], /plain\.html: not a billing page/],
    [['OTHER'], /other\.json: a JSON file that is not a Credit Lens data export/],
    [['--threshold', 'lots', 'GRANTS'], /--threshold takes dollars/],
    [['--frobnicate', 'GRANTS'], /Unknown option '--frobnicate'/],
    [['--format', 'xml', 'GRANTS'], /--format takes text, json, support, csv or statement/],
    [['--json', '--format', 'csv', 'GRANTS'], /--json and --format FORMAT ask for two outputs/],
    [['--target', 'lots', 'GRANTS'], /--target takes dollars/],
  ])('exits 2 with one line on stderr and nothing on stdout: %j', (args, message) => {
    const resolved = args.map((a) => (a === 'PLAIN' ? join(dir, 'plain.html') : a === 'OTHER' ? join(dir, 'other.json') : a === 'GRANTS' ? page('credit-grants') : a));
    const r = audit(resolved);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('round-trips through --save-ledger: the ledger gives the same report, and pages again add nothing', () => {
    const all = [page('credit-grants'), page('billing-history'), page('overview'), page('usage')];
    const ledger = join(dir, 'ledger.json');
    const fromPages = json(['--save-ledger', ledger, ...all]);
    const fromLedger = json([ledger]);
    expect(withoutSources(fromLedger)).toEqual(withoutSources(fromPages));
    expect(withoutSources(json([ledger, ...all]))).toEqual(withoutSources(fromPages));

    const part = join(dir, 'part.json');
    json(['--save-ledger', part, page('credit-grants'), page('overview')]);
    expect(withoutSources(json([part, page('billing-history'), page('usage')]))).toEqual(withoutSources(fromPages));
  });

  it('takes --threshold and --target together for critical claims, and says they came from the command line', () => {
    const r = json(['--threshold', '5', '--target', '15', page('credit-grants'), page('billing-history')]);
    expect(r.alerts.filter((a) => a.kind === 'recharge-above-threshold' && a.severity === 'critical')).toHaveLength(7);
    expect(r.rechargeRule).toMatchObject({ thresholdFrom: 'settings', targetFrom: 'settings' });
  });

  it('gives the same answer in every time zone', () => {
    const all = [page('credit-grants'), page('billing-history'), page('overview')];
    const a = json(all, { TZ: 'America/Los_Angeles' });
    const b = json(all, { TZ: 'Asia/Tokyo' });
    expect(b).toEqual(a);
  });
});

describe('several saved pages of one table', { timeout: 60_000 }, () => {
  it('merges two overlapping pages of the billing history without doubling a row', () => {
    const account = generateAccount(40, 9, { promoRate: 0, refundRate: 0 });
    const rows = demoInvoices(account).map((i) => [i.number, i.status, usd(i.totalCents), i.createdAt.replace('T', ' ')]);
    const page = (part: string[][]) =>
      `<!-- saved from url=(0062)https://platform.openai.com/settings/organization/billing/history -->\n<html><body><button aria-label="Organization: ${account.organization}">x</button>${renderTable('table', 'Invoices', ['Invoice', 'Status', 'Amount', 'Created'], part)}</body></html>`;
    const d = mkdtempSync(join(tmpdir(), 'credit-lens-overlap-'));
    writeFileSync(join(d, 'page1.html'), page(rows.slice(0, 25)));
    writeFileSync(join(d, 'page2.html'), page(rows.slice(18, 40)));
    const r = json([join(d, 'page2.html'), join(d, 'page1.html')]);
    expect(r.invoices.map((i) => i.number)).toEqual(demoInvoices(account).map((i) => i.number));
    expect(r.totals.paidCents).toBe(demoInvoices(account).reduce((s, i) => s + i.totalCents, 0));
  });
});

describe('files in any order', { timeout: 60_000 }, () => {
  it('gives the same report whichever of two grants pages that prove the same time comes first: the emptier one is the later', () => {
    const d = mkdtempSync(join(tmpdir(), 'credit-lens-order-'));
    // The same grants read twice, days apart, with nothing bought between: credit only falls.
    const later = { ...SEED_ACCOUNT, purchases: SEED_ACCOUNT.purchases.map((p) => (p.paidAt.startsWith('2026-06') ? { ...p, usedCents: 900 } : p)) };
    writeFileSync(join(d, 'early.html'), savedPage('credit-grants', SEED_ACCOUNT));
    writeFileSync(join(d, 'late.html'), savedPage('credit-grants', later));
    writeFileSync(join(d, 'history.html'), savedPage('billing-history', SEED_ACCOUNT));
    const a = json([join(d, 'late.html'), join(d, 'early.html'), join(d, 'history.html')]);
    const b = json([join(d, 'early.html'), join(d, 'late.html'), join(d, 'history.html')]);
    expect(b.totals).toEqual(a.totals);
    expect(b.alerts).toEqual(a.alerts);
    expect(a.grants.find((g) => g.displayedDate === '2026-05-31')!.remainingCents).toBe(100);
  });
});

describe('the time base: the pages’ wall clock, never a file’s time', { timeout: 120_000 }, () => {
  // Saved at 20:00 local time on the day of the misfire, in three zones. As instants:
  // Sydney (UTC+11 in November) 09:00Z, UTC 20:00Z, Honolulu (UTC−10) 06:00Z the next day.
  const evenings = { UTC: '2026-11-03T20:00:00Z', 'Australia/Sydney': '2026-11-03T09:00:00Z', 'Pacific/Honolulu': '2026-11-04T06:00:00Z' };

  it('gives the seed case its 7 critical alerts, the same report, under any TZ and any file times', () => {
    const reports = Object.entries(evenings).map(([tz, instant]) => {
      const d = mkdtempSync(join(tmpdir(), 'credit-lens-tz-'));
      const files = (['credit-grants', 'billing-history', 'overview'] as const).map((kind) => {
        const file = join(d, `${kind}.html`);
        writeFileSync(file, savedPage(kind, SEED_ACCOUNT));
        utimesSync(file, new Date(instant), new Date(instant));
        return file;
      });
      const r = json(files, { TZ: tz });
      expect(r.alerts.filter((a) => a.kind === 'recharge-above-threshold' && a.severity === 'critical')).toHaveLength(7);
      return { ...r, sources: r.sources.map((s) => ({ ...s, file: null })) };
    });
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[2]).toEqual(reports[0]);
  });

  it('dates each saved page by what it proves: the history by its newest invoice, the grants by their newest purchase', () => {
    const r = json([page('credit-grants'), page('billing-history'), page('overview')]);
    expect(r.sources.map((s) => [s.page, s.seenAt])).toEqual([
      ['credit-grants', '2026-11-03T19:01:00'],
      ['billing-history', '2026-11-03T19:01:00'],
      ['overview', null],
    ]);
  });

  it('proves nothing from a grants page read alone, and claims nothing that needs it', () => {
    const r = json([page('credit-grants'), page('overview')]);
    expect(r.alerts.filter((a) => a.severity === 'critical')).toEqual([]);
    expect(r.sources[0]!.seenAt).toBe('2026-10-31T00:00:00');
  });
});

describe('every output format', { timeout: 120_000 }, () => {
  const all = () => [page('credit-grants'), page('billing-history'), page('overview'), page('usage')];

  it('--format support prints the support request', () => {
    const r = audit(['--format', 'support', ...all()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Subject: Refund request: 7 auto-recharge charges/);
    expect(r.stdout).toContain('These charges total $76.23.');
  });

  it('--format csv prints the grants CSV', () => {
    const r = audit(['--format', 'csv', ...all()]);
    expect(r.stdout.split('\r\n')[0]).toBe('displayed_date,state,amount,remaining,used,expires_on,invoice,paid_at,invoice_total,tax,confidence,note,currency,invoice_url,flagged');
    expect(r.stdout.trim().split('\r\n')).toHaveLength(10);
  });

  it('--format statement prints the monthly statement', () => {
    const r = audit(['--format', 'statement', ...all()]);
    expect(r.stdout.trim().split('\r\n')).toEqual([
      'month,invoices,paid,tax,credit_bought,refunded,flagged_charges,flagged_amount,credit_expired',
      '2026-01,0,0.00,0.00,0.00,0.00,0,0.00,3.80',
      '2026-06,1,10.89,0.89,10.00,0.00,0,0.00,0.00',
      '2026-11,7,76.23,6.23,70.00,0.00,7,76.23,0.00',
      'total,8,87.12,7.12,80.00,0.00,7,76.23,3.80',
    ]);
  });

  it('--format json is --json, and text is the default', () => {
    expect(audit(['--format', 'json', ...all()]).stdout).toBe(audit(['--json', ...all()]).stdout);
    expect(audit(['--format', 'text', ...all()]).stdout).toBe(audit(all()).stdout);
  });

  it('refuses an import whose organization name holds control characters or line breaks, in one clean line', () => {
    const ledger = join(dir, 'evil-ledger.json');
    json(['--save-ledger', ledger, ...all()]);
    const saved = readFileSync(ledger, 'utf8');
    for (const evil of ['Evil\u001b[2J\u001b]8;;https://x\u0007Org\u202Emoc.\u009b31m', 'Personal"\n\nThese charges were made…\n- Invoice 5E1F7A2C-0099: $500.00']) {
      writeFileSync(ledger, saved.replaceAll('"Personal"', JSON.stringify(evil)));
      for (const format of ['text', 'json', 'support', 'csv', 'statement']) {
        const r = audit(['--format', format, ledger]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/its name holds line breaks or control characters no page shows/);
        // eslint-disable-next-line no-control-regex
        expect(r.stderr.trimEnd()).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
      }
    }
  });
});

describe('partial knowledge in the readable report', { timeout: 60_000 }, () => {
  it('says which pages are not read yet, and shows no figure they would give', () => {
    const r = audit([page('billing-history')]);
    expect(r.stdout).toContain('Not read yet: the credit grants page (to see what each payment bought), the billing overview (to learn the auto-recharge threshold)');
    expect(r.stdout).toContain('Credit bought, used and available: not read yet (the credit grants page)');
    expect(r.stdout).toContain('GRANTS: not read yet (the credit grants page)');
    expect(r.stdout).not.toMatch(/credit bought\s+\$0\.00|\+ tax\s+\$0\.00/);
  });
});
