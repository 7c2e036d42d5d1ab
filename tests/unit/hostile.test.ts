// @vitest-environment node
// The hostile corpus through the reader and the CLI: nothing runs, nothing crashes, and every
// problem is a warning (or, for the CLI, exit 2 with one line).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOfSavedPage, readPage, pageUrl, PAGE_KINDS } from '../../lib/dashboard/pages';
import { ReportSchema } from '../../lib/report-schema';
import { hostileCorpus } from '../support/hostile-corpus';
import { linkedDocument } from '../support/read-dom';

const corpus = hostileCorpus();

describe('the reader on hostile pages', { timeout: 120_000 }, () => {
  it.each(corpus.map((p) => [p.name, p] as const))('%s: reads without throwing; every row is a record or a warning', (_name, page) => {
    const doc = linkedDocument(page.html);
    for (const kind of PAGE_KINDS) {
      const s = readPage(doc, kind, pageUrl(kind), '2026-11-27T10:00:00');
      for (const w of s.warnings) expect(w.length).toBeLessThan(2000);
      for (const text of [...s.grants.map((g) => g.stateText), ...s.invoices.map((i) => i.number + i.statusText)]) {
        expect(text.length).toBeLessThanOrEqual(500);
        // eslint-disable-next-line no-control-regex
        expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008]/);
      }
      for (const i of s.invoices) if (i.url !== null) expect(i.url).toMatch(/^https:\/\//);
    }
    kindOfSavedPage(page.html, doc);
  });

  it('keeps every one of 10,000 rows', () => {
    const page = corpus.find((p) => p.name === 'ten-thousand-rows.html')!;
    const s = readPage(linkedDocument(page.html), 'billing-history', pageUrl('billing-history'), '2026-11-27T10:00:00');
    expect(s.invoices).toHaveLength(10_000);
    expect(s.warnings).toEqual([]);
  });

  it('never takes a javascript: or data: link as an invoice link', () => {
    const page = corpus.find((p) => p.name === 'markup-in-cells.html')!;
    const s = readPage(linkedDocument(page.html), 'billing-history', pageUrl('billing-history'), '2026-11-27T10:00:00');
    expect(s.invoices.map((i) => [i.number, i.url])).toEqual([
      ['AB12CD34-0001', null],
      ['AB12CD34-0005', 'https://invoice.stripe.com/i/ok'],
    ]);
    expect(s.warnings.filter((w) => w.includes('was not recorded'))).toHaveLength(3);
  });

  it('refuses a value whose text is reordered by bidi overrides instead of misreading it', () => {
    const page = corpus.find((p) => p.name === 'bidi-overrides.html')!;
    const s = readPage(linkedDocument(page.html), 'credit-grants', pageUrl('credit-grants'), '2026-11-27T10:00:00');
    expect(s.grants.map((g) => g.remainingCents)).toEqual([600]);
    expect(s.warnings.filter((w) => /bidi overrides/.test(w))).toHaveLength(2);
  });
});

describe('the CLI on hostile pages', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'credit-lens-hostile-'));
  it.each(corpus.map((p) => [p.name, p] as const))('%s: a report or one clear line, never a crash', (name, page) => {
    const file = join(dir, name);
    writeFileSync(file, page.html);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', '--json', '--today', '2026-11-27', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect([0, 2]).toContain(r.status);
    if (r.status === 0) {
      expect(r.stderr).toBe('');
      ReportSchema.parse(JSON.parse(r.stdout));
    } else {
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^audit: /);
    }
  });
});
