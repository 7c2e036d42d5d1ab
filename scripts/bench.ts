// npm run bench [-- --check] [--large]
// Prints a table (and writes bench-results/latest.md): the engine at 1k and 10k rows (50k with
// --large) against the floor of merely parsing the same HTML, the audit CLI's wall time, the
// background's snapshot path step by step, the content script in Chromium on first and return
// visits of a 1,000-row billing history and credit grants table, bundle sizes, storage size.
// --check exits 1 when a budget is missed (CI runs it). Timing budgets are judged on the best of
// several samples (scripts/bench/stats.ts); size and element budgets are exact.
import './bench/node-i18n';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateAccount } from '../demo/generate';
import { savedPage } from '../demo/site';
import { buildReport } from '../lib/analysis/report';
import { parseHtmlDocument } from '../lib/audit/html-document';
import { readPage, pageUrl, type PageKind } from '../lib/dashboard/pages';
import type { Snapshot } from '../lib/dashboard/snapshot';
import { mergeSnapshot } from '../lib/ledger/merge';
import { emptyLedger, type Ledger } from '../lib/ledger/schema';
import { exportLedger } from '../lib/ledger/transfer';
import { readAgain, snapshotPath, STEP_NAMES, STEPS, type Breakdown } from './bench/background';
import { measureCli } from './bench/cli';
import { FIRST_VISITS, measureIdleRoute, measurePage, RETURN_VISITS, type PageSamples, type Visit } from './bench/content';
import { slowdown, REFERENCE_MS, yardstick } from './bench/speed';
import { best, Budgets, median, ms, spread } from './bench/stats';
import { exitUnlessChromium } from './chromium-path';
import { CHROME_BUILD } from './extension-browser';

exitUnlessChromium();
const check = process.argv.includes('--check');
const large = process.argv.includes('--large');
const started = performance.now();
const lines: string[] = [];
const budgets = new Budgets();
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

// ---- Engine -----------------------------------------------------------------------------------
interface EngineRun {
  parse: number;
  read: number;
  merge: number;
  analyse: number;
  ledger: Ledger;
  snapshots: Snapshot[];
}

const SEEN = '2026-11-27T10:00:00';
function engineRun(grantsHtml: string, historyHtml: string): EngineRun {
  const t0 = performance.now();
  // The CLI's own DOM (lib/audit/html-document.ts): what `npm run audit` parses with.
  const docs = [parseHtmlDocument(grantsHtml), parseHtmlDocument(historyHtml)];
  const t1 = performance.now();
  const snapshots = [readPage(docs[0]!, 'credit-grants', pageUrl('credit-grants'), SEEN), readPage(docs[1]!, 'billing-history', pageUrl('billing-history'), SEEN)];
  const t2 = performance.now();
  const ledger = snapshots.reduce(mergeSnapshot, emptyLedger());
  const t3 = performance.now();
  const report = buildReport(Object.values(ledger.organizations)[0]!, { today: '2026-11-27' });
  const t4 = performance.now();
  if (report.grants.length === 0) throw new Error('benchmark pages were not read');
  return { parse: t1 - t0, read: t2 - t1, merge: t3 - t2, analyse: t4 - t3, ledger, snapshots };
}

say('# Credit Lens benchmarks');
say();
say(
  `Machine: ${process.platform} ${process.arch}, Node ${process.version}, ${cpus().length} cores, shared. Every timing is a set of samples, shown as **best / median (samples)**; budgets are judged on the best sample (a slow one says something else ran; a fast one says what our code costs), never on one sample alone or on the mean.`,
);
say();
say('## Engine: audit of saved pages (N grants + N invoices), in process');
say();
say('| N | HTML | parse (floor) | read | merge | analyse | audit total | total ÷ parse | analyse per row |');
say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const sizes = large ? [1000, 10000, 50000] : [1000, 10000];
const engineYard: number[] = [];
const results = new Map<number, EngineRun>();
for (const n of sizes) {
  const account = generateAccount(n, 11, { promoRate: 0, refundRate: 0 });
  const grantsHtml = savedPage('credit-grants', account);
  const historyHtml = savedPage('billing-history', account);
  const runs = Array.from({ length: n >= 50000 ? 1 : 5 }, () => {
    engineYard.push(yardstick());
    return engineRun(grantsHtml, historyHtml);
  });
  const pick = (k: 'parse' | 'read' | 'merge' | 'analyse') => best(runs.map((r) => r[k]));
  const run = { parse: pick('parse'), read: pick('read'), merge: pick('merge'), analyse: pick('analyse'), ledger: runs[0]!.ledger, snapshots: runs[0]!.snapshots };
  results.set(n, run);
  const total = run.parse + run.read + run.merge + run.analyse;
  say(
    `| ${n.toLocaleString('en-US')} | ${((grantsHtml.length + historyHtml.length) / 1e6).toFixed(1)} MB | ${ms(run.parse)} | ${ms(run.read)} | ${ms(run.merge)} | ${ms(run.analyse)} | ${ms(total)} | ${(total / run.parse).toFixed(2)}× | ${((run.analyse / (2 * n)) * 1000).toFixed(1)} µs |`,
  );
}
const r1 = results.get(1000)!;
const r10 = results.get(10000)!;
say();
say(`Best of ${5} runs each${large ? ' (50k: one run)' : ''}. Growth from 1k to 10k (10× the rows): read ${(r10.read / r1.read).toFixed(1)}×, merge ${(r10.merge / r1.merge).toFixed(1)}×, analyse ${(r10.analyse / r1.analyse).toFixed(1)}×, parse ${(r10.parse / r1.parse).toFixed(1)}×.`);

// ---- The CLI ----------------------------------------------------------------------------------
const CLI_RUNS = 7;
// The CLI's goal is 1 s. On the machine the budgets were written for it took 0.86–1.01 s (best of
// 7, run to run), and about a tenth less since (the build of 2026-12-07 against the earlier one,
// run by turns on the same files): still near enough that CI fails only past this guard, a step
// back (tsx, a heavier DOM), not noise. Both are scaled by the machine's pace. See Budgets.goal.
const CLI_GUARD = 1500;
const cli = measureCli(10000, CLI_RUNS);
say();
say('## `npm run audit` of 10,000 grants + 10,000 invoices (wall time of the real command)');
say();
say('| measure | best / median (samples) |');
say('| --- | ---: |');
say(`| \`node scripts/run-audit.mjs --json grants.html history.html\` (${(cli.bytes / 1e6).toFixed(1)} MB of HTML) | ${spread(cli.audit)} |`);
say(`| floor: \`node -e 0\` (Node starting and exiting) | ${spread(cli.node)} |`);

// ---- Background -------------------------------------------------------------------------------
say();
say('## The background\'s snapshot path (1,000-row page), step by step');
say();
say('In Node, on the functions the worker runs. "Fresh": the first page a new profile reads; "10k + 10k": the newest 1,000 rows read again a day later into a ledger of 10,000 grants + 10,000 invoices. The last two steps run after the answer is sent.');
say();
const paths: { name: string; kind: PageKind; breakdown: Breakdown }[] = [];
const backgroundYard = Array.from({ length: 3 }, yardstick);
const page1k = (kind: PageKind) => r1.snapshots[kind === 'credit-grants' ? 0 : 1]!;
const page10k = (kind: PageKind) => readAgain(r10.snapshots[kind === 'credit-grants' ? 0 : 1]!, 1000);
for (const kind of ['billing-history', 'credit-grants'] as const) {
  paths.push({ name: `${kind}, fresh`, kind, breakdown: await snapshotPath(emptyLedger(), page1k(kind)) });
  paths.push({ name: `${kind}, into 10k + 10k`, kind, breakdown: await snapshotPath(r10.ledger, page10k(kind)) });
}
say(`| step | ${paths.map((p) => p.name).join(' | ')} |`);
say(`| --- | ${paths.map(() => '---:').join(' | ')} |`);
for (const step of STEPS) say(`| ${STEP_NAMES[step]} | ${paths.map((p) => `${ms(p.breakdown[step].best)} / ${ms(p.breakdown[step].median)}`).join(' | ')} |`);
const untilAnswer = (b: Breakdown) => b.zod.best + b.merge.best + b.analyse.best + b.answer.best + b.clone.best;
say(`| **until the answer is sent** (sum of bests) | ${paths.map((p) => `**${ms(untilAnswer(p.breakdown))}**`).join(' | ')} |`);
const mergeInto10k = Math.max(...paths.filter((p) => p.name.endsWith('10k + 10k')).map((p) => p.breakdown.merge.best));

// ---- Storage ----------------------------------------------------------------------------------
const stored = exportLedger(r10.ledger);
say();
say('## Storage');
say();
say(`The ledger of 10,000 grants + 10,000 invoices takes ${(Buffer.byteLength(stored) / 1e6).toFixed(2)} MB as JSON (storage.local's quota: 10 MB in Chrome without unlimitedStorage).`);

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
const pages: [PageKind, PageSamples][] = [];
for (const kind of ['billing-history', 'credit-grants'] as const) pages.push([kind, await measurePage(kind)]);
const idle = await measureIdleRoute();

say();
say('## Content script in Chromium (1,000-row tables)');
say();
say(`Measured from the table's insertion (\`demo:content-shown\`). First visits: a fresh profile each (${FIRST_VISITS}); return visits: the page again in one profile (${RETURN_VISITS}). The floor is the page alone laying out and painting its table (the same page at an address Credit Lens does not visit: \`demo:content-shown\` → \`demo:content-rendered\`, the next painted frame), sampled between the return visits. Badges are counted when they are in the page; "painted" is the next frame after every row has its badge.`);
say();
say('| page | visit | floor: the page alone | first visible badges | all rows badged | first frame painted | all badges painted | ÷ floor (visible / all / painted, medians) | background answer arrived | answer drawn on all rows |');
say('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const col = (vs: Visit[], k: keyof Omit<Visit, 'background'>) => vs.map((v) => v[k]);
for (const [kind, s] of pages) {
  const floor = median(s.floor);
  for (const [visit, vs] of [['first', s.first], ['return', s.returns]] as const) {
    const ratio = (k: keyof Omit<Visit, 'background'>) => (median(col(vs, k)) / floor).toFixed(2);
    say(
      `| ${kind} | ${visit} | ${spread(s.floor)} | ${spread(col(vs, 'visible'))} | ${spread(col(vs, 'all'))} | ${spread(col(vs, 'frame'))} | ${spread(col(vs, 'painted'))} | ${ratio('visible')} / ${ratio('all')} / ${ratio('painted')} | ${spread(col(vs, 'answer'))} | ${spread(col(vs, 'final'))} |`,
    );
  }
}
const steps = [...new Set(pages.flatMap(([, s]) => [...s.first, ...s.returns].flatMap((v) => Object.keys(v.background))))];
if (steps.length) {
  say();
  say('The same snapshot path in the browser\'s worker (its own marks; best / median of the visits):');
  say();
  say(`| page | visit | ${steps.join(' | ')} |`);
  say(`| --- | --- | ${steps.map(() => '---:').join(' | ')} |`);
  for (const [kind, s] of pages) {
    for (const [visit, vs] of [['first', s.first], ['return', s.returns]] as const) {
      say(`| ${kind} | ${visit} | ${steps.map((k) => { const xs = vs.map((v) => v.background[k]).filter((x): x is number => x !== undefined); return xs.length ? `${ms(best(xs))} / ${ms(median(xs))}` : 'n/a'; }).join(' | ')} |`);
    }
  }
}
say();
say(`Non-billing route: the content script's work is the route check only (${ms(idle.cost)}); it adds ${idle.elements} elements.`);

// ---- This machine's pace ----------------------------------------------------------------------
const paces: [string, number[]][] = [['engine (in process)', engineYard], ['`npm run audit`', cli.yardstick], ['background (in process)', backgroundYard], ...pages.map(([kind, p]): [string, number[]] => [`Chromium, ${kind} (both cores)`, p.pace])];
const scale = new Map(paces.map(([name, xs]) => [name, slowdown(xs)]));
say();
say("## This machine's pace");
say();
say(`The yardstick (\`scripts/bench/yardstick.mjs\`: fixed JavaScript, not ours, the kind of work the engine does) sampled beside each section's own samples: in Node one process at a time, in Chromium two at once before each visit (a visit keeps both cores busy, and on this shared machine two busy processes have at times run half as fast as one). On the machine the budgets were written for its median is ${REFERENCE_MS} ms; a section where its median was slower has its timing budgets scaled by as much (never below ×1), so a slow or busy machine does not fail CI by chance while a step back in our code still shows against the same yardstick.`);
say();
say('| section | yardstick, best / median (samples) | pace: slower than the reference by |');
say('| --- | ---: | ---: |');
for (const [name, xs] of paces) say(`| ${name} | ${spread(xs)} | ×${scale.get(name)!.toFixed(2)} |`);

// ---- Budgets ----------------------------------------------------------------------------------
say();
say('## Budgets');
say();
say('| budget | figure (best) | status |');
say('| --- | ---: | --- |');
say(`| content script ≤ 40 KB gzipped (js + css) | ${(contentGzip / 1024).toFixed(1)} KB | ${budgets.judge('content script size', contentGzip / 1024, 40, 'KB')} |`);
say(`| no work on non-billing routes beyond route detection | ${idle.elements} elements added | ${budgets.judge('non-billing route elements', idle.elements, 0, 'elements')} |`);
say(`| analysis of 10k + 10k ≤ 1 s | ${ms(r10.analyse)} | ${budgets.judge('analysis 10k+10k', r10.analyse, 1000, 'ms', scale.get('engine (in process)'))} |`);
say(`| \`npm run audit\` of 10k + 10k ≤ 1 s, wall time | ${ms(best(cli.audit))} | ${budgets.goal('npm run audit 10k+10k', best(cli.audit), 1000, CLI_GUARD, 'ms', scale.get('`npm run audit`'))} |`);
say(`| merging a 1,000-row page into a 10k + 10k ledger ≤ 30 ms | ${ms(mergeInto10k)} | ${budgets.judge('merge one page into 10k+10k', mergeInto10k, 30, 'ms', scale.get('background (in process)'))} |`);
for (const [kind, s] of pages) {
  const pace = scale.get(`Chromium, ${kind} (both cores)`);
  for (const [visit, vs] of [['first', s.first], ['return', s.returns]] as const) {
    const v = best(col(vs, 'visible'));
    const a = best(col(vs, 'all'));
    say(`| ${kind}, ${visit} visit: first visible badges ≤ 50 ms after the table is inserted | ${ms(v)} | ${budgets.judgeWithFloor(`${kind} ${visit} visit: first badges`, v, 50, median(s.floor), 'ms', pace)} |`);
    say(`| ${kind}, ${visit} visit: all rows badged ≤ 200 ms after the table is inserted | ${ms(a)} | ${budgets.judge(`${kind} ${visit} visit: all rows`, a, 200, 'ms', pace)} |`);
  }
}
say();
say(
  `How CI judges them: sizes and element counts exactly; timings on the best of several samples, against budgets scaled by this machine's pace in the same section (above; ×1 on a machine as fast as the one they were written for). First visible badges: within 50 ms, or no later than the page's own table appears (its floor above, median, same run): on a machine where the page alone takes longer than 50 ms, badges that are in the page before its table is painted appear with it. The CLI's 1 s is judged as a goal: near enough to it (0.86–1.01 s on the machine the budgets were written for, about a tenth less since) that a miss is shown above and printed at the end, and CI fails only past ${CLI_GUARD} ms at the same pace (a step back, not noise).`,
);
say();
say(`The whole bench took ${Math.round((performance.now() - started) / 1000)} s.`);

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.md', `${lines.join('\n')}\n`);
console.log('\nWritten to bench-results/latest.md');
if (budgets.goalsMissed.length) console.warn(`Goals missed (CI does not fail on them, see the table):\n${budgets.goalsMissed.map((f) => `- ${f}`).join('\n')}`);
if (check && budgets.failures.length) {
  console.error(`Budgets missed:\n${budgets.failures.map((f) => `- ${f}`).join('\n')}`);
  process.exit(1);
}
