// The content script in Chromium on a 1,000-row table: from the moment the demo site inserts its
// table (`demo:content-shown`) until the first rows have badges, every row has one, and the
// background's answer is drawn. First visits get a fresh profile each (nothing stored yet);
// return visits repeat the page in one profile. The page's own floor is the browser laying out
// its table: `demo:content-shown` → `demo:content-rendered` (the next frame, painted).
import type { Page, Worker } from 'playwright-core';
import { generateAccount } from '../../demo/generate';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { demoResponse } from '../../demo/site';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../extension-browser';
import { yardstickPair } from './speed';

export interface Visit {
  /** Table inserted → the next frame painted (with whatever badges were drawn before it). */
  frame: number;
  /** Table inserted → badges on the first (visible) rows. */
  visible: number;
  /** Table inserted → every row has a badge. */
  all: number;
  /** Table inserted → the background's answer is drawn on every row. */
  final: number;
  /** Table inserted → the background's answer arrived. */
  answer: number;
  /** Table inserted → the frame after every row had its badge, painted. */
  painted: number;
  /** Our read of the table (the reader in lib/dashboard): its duration. */
  read: number;
  /** The background's snapshot path, step by step (marks it leaves in the worker), when it leaves them. */
  background: Record<string, number>;
}

export interface PageSamples {
  first: Visit[];
  returns: Visit[];
  /** The yardstick on both cores, sampled before each visit (scripts/bench/speed.ts). */
  pace: number[];
  /** The page's own floor, without Credit Lens: table inserted → the next frame painted. */
  floor: number[];
}

const ROWS = 1000;
export const FIRST_VISITS = 7;
export const RETURN_VISITS = 7;

// Strings, not functions: tsx's __name helper does not exist in the page.
const DONE = `(() => {
  const t = (n) => performance.getEntriesByName(n).map((m) => m.startTime);
  const shown = t('demo:content-shown')[0];
  if (shown === undefined || !t('demo:content-rendered').length) return false;
  const answer = t('credit-lens:report-received').find((x) => x >= shown);
  return answer !== undefined && t('credit-lens:badges-rendered').some((x) => x >= answer);
})()`;
const MARKS = `(() => {
  const t = (n) => performance.getEntriesByName(n).map((m) => m.startTime);
  const shown = t('demo:content-shown')[0];
  const after = (n, from) => t(n).find((x) => x >= from);
  const answer = after('credit-lens:report-received', shown);
  const all = after('credit-lens:badges-rendered', shown);
  return {
    frame: t('demo:content-rendered')[0] - shown,
    visible: after('credit-lens:badges-visible', shown) - shown,
    all: all - shown,
    final: after('credit-lens:badges-rendered', answer) - shown,
    answer: answer - shown,
    painted: after('credit-lens:badges-painted', all) - shown,
    read: after('credit-lens:read-done', shown) - after('credit-lens:read-start', shown),
  };
})()`;
const FLOOR_DONE = `performance.getEntriesByName('demo:content-rendered').length > 0`;
const FLOOR = `(() => performance.getEntriesByName('demo:content-rendered')[0].startTime - performance.getEntriesByName('demo:content-shown')[0].startTime)()`;
// The same page at an address that is no billing page: the content script does nothing there.
const floorUrl = (kind: PageKind) => `${pageUrl(kind)}-without-credit-lens`;
// The worker's marks of its last snapshot (entrypoints/background/handle-message.ts), as steps.
const BACKGROUND = `(() => {
  const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('credit-lens:snapshot:'));
  const start = marks.map((m) => m.name).lastIndexOf('credit-lens:snapshot:received');
  const out = {};
  if (start < 0) return out;
  const last = marks.slice(start);
  for (let i = 1; i < last.length; i++) out[last[i].name.slice('credit-lens:snapshot:'.length)] = last[i].startTime - last[i - 1].startTime;
  out.total = last[last.length - 1].startTime - last[0].startTime;
  return out;
})()`;

async function visit(page: Page, worker: Worker, kind: PageKind): Promise<Visit> {
  await page.goto(pageUrl(kind));
  await page.waitForFunction(DONE, null, { timeout: 60_000, polling: 50 });
  const marks = (await page.evaluate(MARKS)) as Omit<Visit, 'background'>;
  // The worker writes storage after it answered: let it finish before the next visit.
  await page.waitForTimeout(300);
  const background = (await worker.evaluate(BACKGROUND).catch(() => ({}))) as Record<string, number>;
  return { ...marks, background };
}

async function floor(page: Page, kind: PageKind): Promise<number> {
  await page.goto(floorUrl(kind));
  await page.waitForFunction(FLOOR_DONE, null, { timeout: 60_000, polling: 50 });
  return (await page.evaluate(FLOOR)) as number;
}

async function open(): Promise<{ browser: ExtensionBrowser; page: Page }> {
  const browser = await launchWithExtension();
  const account = generateAccount(ROWS, 5, { promoRate: 0, refundRate: 0 });
  const options = { pageSize: ROWS };
  await serveDemo(browser.context, account, options);
  for (const kind of ['billing-history', 'credit-grants'] as const) {
    const page = demoResponse(pageUrl(kind), account, options);
    await browser.context.route(floorUrl(kind), (route) => route.fulfill({ status: 200, contentType: page.contentType, body: page.body }));
  }
  return { browser, page: await browser.context.newPage() };
}

/** First visits (a fresh profile each) and return visits of one page kind. */
export async function measurePage(kind: PageKind): Promise<PageSamples> {
  const first: Visit[] = [];
  const pace: number[] = [];
  for (let i = 0; i < FIRST_VISITS; i++) {
    pace.push(await yardstickPair());
    const { browser, page } = await open();
    first.push(await visit(page, browser.worker, kind));
    await browser.close();
  }
  const { browser, page } = await open();
  await visit(page, browser.worker, kind);
  const returns: Visit[] = [];
  const floors: number[] = [];
  // Alternated, so both see the same moments of a busy machine.
  for (let i = 0; i < RETURN_VISITS; i++) {
    pace.push(await yardstickPair());
    returns.push(await visit(page, browser.worker, kind));
    floors.push(await floor(page, kind));
  }
  await browser.close();
  return { first, returns, floor: floors, pace };
}

/** What the content script costs on a route that is not a billing page. */
export async function measureIdleRoute(): Promise<{ cost: number; elements: number }> {
  const { browser, page } = await open();
  await page.goto('https://platform.openai.com/playground');
  await page.waitForTimeout(500);
  const idle = (await page.evaluate(`(() => {
    const a = performance.getEntriesByName('credit-lens:main-start')[0];
    const z = performance.getEntriesByName('credit-lens:route-checked')[0];
    return { cost: a && z ? z.startTime - a.startTime : NaN, elements: document.querySelectorAll('credit-lens-panel, credit-lens-badge, credit-lens-badges').length };
  })()`)) as { cost: number; elements: number };
  await browser.close();
  return idle;
}
