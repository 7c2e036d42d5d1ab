// Row badges on a small screen (issue 14's layout, in issue 13's badge work): in a 360 px window
// and at 200 % zoom (a 1280 px window laid out like a 640 px one) no word of a badge is broken
// across lines, and the badges do not make the page any wider than the site's own table does.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';
import { screenshotPath } from './screenshots';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
  await serveDemo(browser.context, SEED_ACCOUNT);
  // Both pages read once, so every badge says what bought what (the longest notes).
  const page = await browser.context.newPage();
  for (const kind of ['credit-grants', 'billing-history', 'credit-grants'] as PageKind[]) {
    await page.goto(pageUrl(kind));
    await page.locator('credit-lens-badge').first().waitFor({ timeout: 15_000 });
  }
  await page.close();
});
afterAll(async () => browser?.close());

// Strings, not functions: tsx's __name helper does not exist in the page.
const BROKEN_WORDS = `(() => {
  const broken = [];
  for (const host of document.querySelectorAll('credit-lens-badge')) {
    const walker = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (const m of text.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
})()`;
/** How much wider than the window the page is, with the badges and without them; badges wider than their cell. */
const WIDTHS = `(() => {
  const over = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;
  const withBadges = over();
  const outside = [...document.querySelectorAll('credit-lens-badge')].filter((host) => {
    const badge = host.shadowRoot.querySelector('.badge').getBoundingClientRect();
    const cell = host.parentElement.getBoundingClientRect();
    return badge.left < cell.left - 1 || badge.right > cell.right + 1;
  }).length;
  const style = document.createElement('style');
  style.textContent = 'credit-lens-badge { display: none !important; }';
  document.head.append(style);
  const without = over();
  style.remove();
  return { withBadges, without, outside };
})()`;

describe('badges at 360 px and at 200 % zoom', () => {
  const cases = [360, 640].flatMap((width) => (['credit-grants', 'billing-history'] as PageKind[]).map((kind) => [kind, width] as const));
  it.each(cases)('%s at %i px: no word broken, the page no wider', async (kind, width) => {
    const page: Page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(pageUrl(kind));
    await expect.poll(async () => (await page.locator('credit-lens-badge .badge-text').allInnerTexts()).filter((t) => /Bought|→/.test(t)).length).toBeGreaterThan(0);
    expect(await page.evaluate(BROKEN_WORDS)).toEqual([]);
    const widths = (await page.evaluate(WIDTHS)) as { withBadges: number; without: number; outside: number };
    expect(widths.outside).toBe(0); // each badge within its own cell
    // Where the site's page fits the window, it still does with the badges. (In a 360 px window
    // the demo's own fixed side bar already makes it scroll: there the badges must only fit.)
    if (widths.without <= 1) expect(widths.withBadges).toBeLessThanOrEqual(1);
    await page.screenshot({ path: screenshotPath(`chromium-${kind}-badges-${width}px`), fullPage: true });
    await page.close();
  });
});
