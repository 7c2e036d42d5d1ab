// The hostile pages: hand-written ones in tests/fixtures/hostile, plus generated extremes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderTable } from '../../demo/pages';
import { generateAccount } from '../../demo/generate';
import { savedPage } from '../../demo/site';

export interface HostilePage {
  name: string;
  html: string;
}

const DIR = resolve('tests/fixtures/hostile');

export function hostileCorpus(): HostilePage[] {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((name) => ({ name, html: readFileSync(join(DIR, name), 'utf8') }));
  const huge = 'W'.repeat(100_000);
  const saved = '<!-- saved from url=(0062)https://platform.openai.com/settings/organization/billing/history -->\n';
  return [
    ...files,
    { name: 'ten-thousand-rows.html', html: savedPage('billing-history', generateAccount(10_000, 4, { promoRate: 0, refundRate: 0 })) },
    {
      name: 'huge-strings.html',
      html: `${saved}<html><body>${renderTable('table', 'x', ['Invoice', 'Status', `Amount${huge}`, 'Created'], [
        [`AB12CD34-0001${huge}`, `Paid${huge}`, '$1.00', `Nov 3, 2026, 1:02 PM${huge}`],
        ['AB12CD34-0002', 'Paid', '$1.00', 'Nov 3, 2026, 1:03 PM'],
      ])}</body></html>`,
    },
    { name: 'truncated-mid-tag.html', html: savedPage('credit-grants', generateAccount(30, 2)).slice(0, 6000) },
    { name: 'empty.html', html: '' },
    { name: 'binary-ish.html', html: '\u0000\u0001<html>\uFFFD\uFFFE<table><tr><th>Invoice</th></tr>' },
  ];
}
