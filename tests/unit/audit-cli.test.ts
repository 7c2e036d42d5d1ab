// @vitest-environment node
// `npm run audit` as a user runs it: real files, a real process, exit codes and streams.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
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
