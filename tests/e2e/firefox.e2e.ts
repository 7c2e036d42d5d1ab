// The main path in firefox-esr: the extension installs, reads the demo pages, shows the seed
// case's alerts in the panel and the popup.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { FIREFOX_UUID, findFirefox, launchFirefox, serveDemoIn } from '../../scripts/firefox-browser';
import { screenshotPath } from './screenshots';

const firefox = findFirefox();
let browser: Browser;
let page: Page;

const shadowText = (p: Page, host: string) => p.evaluate((h) => document.querySelector(h)?.shadowRoot?.textContent ?? '', host);

async function visit(kind: PageKind, title: string): Promise<void> {
  await page.goto(pageUrl(kind));
  await page.waitForSelector('credit-lens-panel >>> .cl-title', { timeout: 20_000 });
  await expect.poll(() => shadowText(page, 'credit-lens-panel'), { timeout: 15_000 }).toContain(title);
  await expect.poll(() => shadowText(page, 'credit-lens-panel'), { timeout: 15_000 }).not.toContain('Reading this page');
}

// CI installs firefox-esr (.ci/run) and must run this; elsewhere a machine without it skips.
if (!firefox && process.env.CI) throw new Error('firefox-esr is missing: apt-get install -y firefox-esr');
describe.skipIf(!firefox)('firefox-esr', () => {
  beforeAll(async () => {
    browser = await launchFirefox(firefox!);
    page = await browser.newPage();
    await serveDemoIn(page, SEED_ACCOUNT);
  });
  afterAll(async () => browser?.close());

  it('reads the billing pages and raises the seed case alerts', async () => {
    await visit('credit-grants', 'Credit grants');
    await visit('billing-history', 'Billing history');
    await expect.poll(() => page.$$eval('credit-lens-badge', (els) => els.length), { timeout: 15_000 }).toBe(8);
    await visit('overview', 'Billing overview');
    await expect.poll(() => shadowText(page, 'credit-lens-panel'), { timeout: 15_000 }).toContain('Auto-recharge charged you 7 times ($76.23) while your balance was above its threshold.');
    await page.screenshot({ path: screenshotPath('firefox-overview') });
    await visit('credit-grants', 'Credit grants');
    await expect
      .poll(() => page.$$eval('credit-lens-badge', (els) => els.map((e) => e.shadowRoot?.querySelector('.badge-text')?.textContent ?? '').filter((t) => t.startsWith('Bought')).length), { timeout: 15_000 })
      .toBe(8);
  });

  it('opens the popup with the alerts', async () => {
    const popup = await browser.newPage();
    // goto never resolves on moz-extension:// pages: start it, then wait for content.
    void popup.goto(`moz-extension://${FIREFOX_UUID}/popup.html`, { timeout: 5_000 }).catch(() => undefined);
    // While the navigation starts, BiDi may answer a query with a protocol error (no document yet):
    // ask again until the headline is there, instead of failing on that first answer.
    await expect.poll(() => popup.$('.cl-headline').then(Boolean, () => false), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => popup.$eval('.cl-headline', (el) => el.textContent), { timeout: 15_000 }).toMatch(/charged you 7 times/);
    expect(await popup.$$eval('.cl-alert', (els) => els.length)).toBeGreaterThanOrEqual(3);
    await popup.screenshot({ path: screenshotPath('firefox-popup') });
    await popup.close();
  });
});
