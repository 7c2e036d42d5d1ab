// Badges before the background answers (issue 13, part 2): the moment the table is read, a first
// visit shows what the page alone proves and a return visit what its rows were last answered with.
// Recorded in the page as each badge first appears, with whether the answer had come by then.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension(); // a fresh profile: nothing read yet
  await serveDemo(browser.context, SEED_ACCOUNT);
});
afterAll(async () => browser?.close());

// In the page's own world: each badge's text when it first appears, and whether the background's
// answer had arrived by then (the content script marks it).
const RECORD = `(() => {
  window.firstBadges = [];
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName !== 'CREDIT-LENS-BADGE') continue;
      window.firstBadges.push({ text: n.shadowRoot ? n.shadowRoot.textContent : '', answered: performance.getEntriesByName('credit-lens:report-received').length > 0 });
    }
  }).observe(document, { childList: true, subtree: true });
})()`;

async function visit(kind: PageKind, rows: number): Promise<{ text: string; answered: boolean }[]> {
  const page: Page = await browser.context.newPage();
  await page.addInitScript(RECORD);
  await page.goto(pageUrl(kind));
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('credit-lens:report-received').length)).toBeGreaterThan(0);
  await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(rows);
  const first = (await page.evaluate('window.firstBadges')) as { text: string; answered: boolean }[];
  await page.close();
  return first;
}

describe('badges drawn before the background answers', () => {
  it('on a first visit: what the page alone shows, on every row', async () => {
    const first = await visit('billing-history', 8);
    expect(first).toHaveLength(8);
    expect(first.every((b) => !b.answered)).toBe(true);
    expect(first.every((b) => b.text.includes('Credit grants not read yet'))).toBe(true);
  });

  it('on a return visit: what each row was last answered with', async () => {
    await visit('credit-grants', 9); // what bought each grant is now known
    const first = await visit('billing-history', 8);
    expect(first.every((b) => !b.answered)).toBe(true);
    expect(first.filter((b) => /→ \$10\.00 grant, shown as/.test(b.text))).toHaveLength(8);
  });
});
