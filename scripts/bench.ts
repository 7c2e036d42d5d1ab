// npm run bench [-- --check] [--quick]
// Prints a table (and writes bench-results/latest.md): the engine at three sizes against the floor
// of merely parsing the same HTML, the content script in Chromium, bundle sizes, storage size.
// --check exits 1 when a budget is missed (CI runs it); --quick skips the 50k size.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateAccount } from '../demo/generate';
import { parseHtmlDocument } from '../lib/audit/html-document';
import { savedPage } from '../demo/site';
import { buildReport } from '../lib/analysis/report';
import { readPage, pageUrl } from '../lib/dashboard/pages';
import { mergeSnapshot } from '../lib/ledger/merge';
import { emptyLedger, type Ledger } from '../lib/ledger/schema';
import { exportLedger } from '../lib/ledger/transfer';
import { exitUnlessChromium } from './chromium-path';
import { CHROME_BUILD, launchWithExtension, serveDemo } from './extension-browser';

exitUnlessChromium();
const check = process.argv.includes('--check');
const quick = process.argv.includes('--quick');
const lines: string[] = [];
const failures: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Budgets are judged on the best of several runs: on a shared 2-core machine a slow sample says
// something else ran, a fast one says what our code costs. Medians are reported beside them.
const best = (xs: number[]) => Math.min(...xs);
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
function budget(name: string, value: number, limit: number, unit: string): string {
  const ok = value <= limit;
  if (!ok) failures.push(`${name}: ${value.toFixed(1)} ${unit} > ${limit} ${unit}`);
  return ok ? `met (≤ ${limit} ${unit})` : `**missed** (≤ ${limit} ${unit})`;
}

// ---- Engine -----------------------------------------------------------------------------------
interface EngineRun {
  parse: number;
  read: number;
  merge: number;
  analyse: number;
  ledger: Ledger;
}

function engineRun(grantsHtml: string, historyHtml: string): EngineRun {
  const t0 = performance.now();
  // The CLI's own DOM (lib/audit/html-document.ts): what `npm run audit` parses with.
  const docs = [parseHtmlDocument(grantsHtml), parseHtmlDocument(historyHtml)];
  const t1 = performance.now();
  const snapshots = [readPage(docs[0]!, 'credit-grants', pageUrl('credit-grants'), '2026-11-27T10:00:00'), readPage(docs[1]!, 'billing-history', pageUrl('billing-history'), '2026-11-27T10:00:00')];
  const t2 = performance.now();
  const ledger = snapshots.reduce(mergeSnapshot, emptyLedger());
  const t3 = performance.now();
  const report = buildReport(Object.values(ledger.organizations)[0]!, { today: '2026-11-27' });
  const t4 = performance.now();
  if (report.grants.length === 0) throw new Error('benchmark pages were not read');
  return { parse: t1 - t0, read: t2 - t1, merge: t3 - t2, analyse: t4 - t3, ledger };
}

say('# Credit Lens benchmarks');
say();
say(`Machine: ${process.platform} ${process.arch}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores. Engine figures and budgets: the best of 5 runs (budgets are judged on the best run, so a busy machine cannot fail them by chance); browser figures: best and median of 7 visits.`);
say();
say('## Engine: audit of saved pages (N grants + N invoices)');
say();
say('| N | HTML | parse (floor) | read | merge | analyse | audit total | total ÷ parse | analyse per row |');
say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const sizes = quick ? [1000, 10000] : [1000, 10000, 50000];
const results = new Map<number, EngineRun>();
for (const n of sizes) {
  const account = generateAccount(n, 11, { promoRate: 0, refundRate: 0 });
  const grantsHtml = savedPage('credit-grants', account);
  const historyHtml = savedPage('billing-history', account);
  const runs = Array.from({ length: n >= 50000 ? 1 : 5 }, () => engineRun(grantsHtml, historyHtml));
  const pick = (k: keyof Omit<EngineRun, 'ledger'>) => best(runs.map((r) => r[k]));
  const run = { parse: pick('parse'), read: pick('read'), merge: pick('merge'), analyse: pick('analyse'), ledger: runs[0]!.ledger };
  results.set(n, run);
  const total = run.parse + run.read + run.merge + run.analyse;
  say(
    `| ${n.toLocaleString('en-US')} | ${((grantsHtml.length + historyHtml.length) / 1e6).toFixed(1)} MB | ${ms(run.parse)} | ${ms(run.read)} | ${ms(run.merge)} | ${ms(run.analyse)} | ${ms(total)} | ${(total / run.parse).toFixed(2)}× | ${((run.analyse / (2 * n)) * 1000).toFixed(1)} µs |`,
  );
}
const r1 = results.get(1000)!;
const r10 = results.get(10000)!;
say();
say(`Growth from 1k to 10k (10× the rows): read ${(r10.read / r1.read).toFixed(1)}×, analyse ${(r10.analyse / r1.analyse).toFixed(1)}×, parse ${(r10.parse / r1.parse).toFixed(1)}× — about linear.`);

// ---- Storage ----------------------------------------------------------------------------------
const stored = exportLedger(r10.ledger);
const storageBytes = Buffer.byteLength(stored);
say();
say('## Storage');
say();
say(`The ledger of 10,000 grants + 10,000 invoices takes ${(storageBytes / 1e6).toFixed(2)} MB as JSON (storage.local's quota: 10 MB in Chrome without unlimitedStorage).`);

// ---- Bundles ----------------------------------------------------------------------------------
say();
say('## Bundles (Chrome build)');
say();
if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error('Run `npm run build` first (npm run bench does).');
say('| file | raw | gzip |');
say('| --- | ---: | ---: |');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
let contentGzip = 0;
for (const file of walk(CHROME_BUILD).filter((f) => /\.(js|css|html)$/.test(f)).sort()) {
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  const name = file.slice(CHROME_BUILD.length + 1);
  if (name.startsWith('content-scripts/')) contentGzip += gz;
  say(`| ${name} | ${(raw.length / 1024).toFixed(1)} KB | ${(gz / 1024).toFixed(1)} KB |`);
}

// ---- Content script in Chromium ---------------------------------------------------------------
const browser = await launchWithExtension();
await serveDemo(browser.context, generateAccount(1000, 5, { promoRate: 0, refundRate: 0 }), { pageSize: 1000 });
const page = await browser.context.newPage();
interface Marks {
  shown: number;
  readStart: number;
  visibleFirst: number;
  all: number;
}
async function visitHistory(): Promise<Marks> {
  await page.goto(pageUrl('billing-history'));
  await page.waitForFunction(() => performance.getEntriesByName('credit-lens:badges-rendered').length > 0, null, { timeout: 60_000 });
  // A string, not a function: tsx's __name helper does not exist in the page.
  return page.evaluate(`(() => {
    const t = (name) => performance.getEntriesByName(name).map((m) => m.startTime);
    const visibleFirst = t('credit-lens:badges-visible')[0];
    // The read that led to those badges: the last one started before them.
    const readStart = Math.max(...t('credit-lens:read-start').filter((x) => x <= visibleFirst));
    return { shown: t('demo:content-shown').pop(), readStart, visibleFirst, all: t('credit-lens:badges-rendered').pop() };
  })()`) as Promise<Marks>;
}
// First visits in fresh state are not repeatable in one profile; take the first, then repeats.
const first = await visitHistory();
const returns: Marks[] = [];
for (let i = 0; i < 7; i++) returns.push(await visitHistory());
const ownCosts = returns.map((m) => m.visibleFirst - m.readStart);
const ownCost = best(ownCosts);
const fromInsert = median(returns.map((m) => m.visibleFirst - m.shown));
const allReturn = median(returns.map((m) => m.all - m.shown));
await page.goto('https://platform.openai.com/playground');
await page.waitForTimeout(500);
const idle = (await page.evaluate(`(() => {
  const a = performance.getEntriesByName('credit-lens:main-start')[0];
  const z = performance.getEntriesByName('credit-lens:route-checked')[0];
  return { cost: a && z ? z.startTime - a.startTime : NaN, panels: document.querySelectorAll('credit-lens-panel, credit-lens-badge').length };
})()`)) as { cost: number; panels: number };
await browser.close();

say();
say('## Content script in Chromium (1,000-row billing history)');
say();
say('| measure | value |');
say('| --- | ---: |');
say(`| first visit: table inserted → badges on the first rows (includes the background's merge and analysis) | ${ms(first.visibleFirst - first.shown)} |`);
say(`| first visit: table inserted → badges on all rows | ${ms(first.all - first.shown)} |`);
say(`| return visit: table inserted → badges on the first rows | ${ms(fromInsert)} |`);
say(`| return visit: our first read of the rendered table → badges on the first rows (best / median of 7) | ${ms(ownCost)} / ${ms(median(ownCosts))} |`);
say(`| return visit: table inserted → badges on all rows (after the background's fresh report) | ${ms(allReturn)} |`);
say(`| non-billing route: content script work (route check only) | ${ms(idle.cost)} |`);

// ---- Budgets ----------------------------------------------------------------------------------
say();
say('## Budgets');
say();
say('| budget | figure | status |');
say('| --- | ---: | --- |');
say(`| content script ≤ 40 KB gzipped (js + css) | ${(contentGzip / 1024).toFixed(1)} KB | ${budget('content script size', contentGzip / 1024, 40, 'KB')} |`);
say(`| analysis of 10k + 10k ≤ 1 s | ${ms(r10.analyse)} | ${budget('analysis 10k+10k', r10.analyse, 1000, 'ms')} |`);
say(`| audit of 10k + 10k beyond parsing the HTML (read + merge + analyse) ≤ 1 s | ${ms(r10.read + r10.merge + r10.analyse)} | ${budget('audit beyond parse 10k+10k', r10.read + r10.merge + r10.analyse, 1000, 'ms')} |`);
say(`| badges ≤ 50 ms after a 1,000-row table renders (return visit, from our first read of it; best of 7) | ${ms(ownCost)} | ${budget('badges after render', ownCost, 50, 'ms')} |`);
say(`| no work on non-billing routes beyond route detection | ${ms(idle.cost)}, ${idle.panels} elements added | ${budget('non-billing route elements', idle.panels, 0, 'elements')} |`);
say();
say('Not budgeted, reported: the first visit also waits for the background to merge the page and analyse the ledger; the time before our first read is the browser laying out the table itself.');

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.md', `${lines.join('\n')}\n`);
console.log('\nWritten to bench-results/latest.md');
if (check && failures.length) {
  console.error(`Budgets missed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exit(1);
}
