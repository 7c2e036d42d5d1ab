// The built extension in Debian's Chromium, on the demo dashboard served at the real URLs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl, PAGE_KINDS } from '../../lib/dashboard/routes';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';
import { screenshotPath } from './screenshots';

let browser: ExtensionBrowser;
let foreign: string[];

beforeAll(async () => {
  browser = await launchWithExtension();
  foreign = await serveDemo(browser.context, SEED_ACCOUNT);
});
afterAll(async () => browser?.close());

const panel = (page: Page) => page.locator('credit-lens-panel .cl-panel');

async function storage(): Promise<Record<string, unknown>> {
  return browser.worker.evaluate(() => chrome.storage.local.get(null));
}

describe('content script on the demo dashboard', () => {
  it.each(PAGE_KINDS)('mounts the panel on %s', async (kind) => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl(kind));
    await expect.poll(() => panel(page).count()).toBe(1);
    const titles = { 'credit-grants': 'Credit grants', 'billing-history': 'Billing history', usage: 'Usage', overview: 'Billing overview' };
    await expect.poll(() => page.locator('credit-lens-panel .cl-title').innerText()).toContain(titles[kind]);
    await page.screenshot({ path: screenshotPath(`chromium-${kind}`), fullPage: true });
    await page.close();
  });

  it('follows SPA navigation: remounts on another billing tab, unmounts on a non-billing route', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl('credit-grants'));
    await expect.poll(() => page.locator('credit-lens-panel .cl-title').innerText()).toContain('Credit grants');
    await page.getByRole('link', { name: 'Billing history' }).click();
    await page.waitForURL(pageUrl('billing-history'));
    await expect.poll(() => page.locator('credit-lens-panel .cl-title').innerText()).toContain('Billing history');
    await expect.poll(() => page.locator('credit-lens-panel').count()).toBe(1);
    await page.getByRole('link', { name: 'Playground' }).click();
    await page.waitForURL('https://platform.openai.com/playground');
    await expect.poll(() => page.locator('credit-lens-panel').count()).toBe(0);
    await page.goBack();
    await expect.poll(() => page.locator('credit-lens-panel .cl-title').innerText()).toContain('Billing history');
    await page.close();
  });

  it('does nothing on a non-billing page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://platform.openai.com/playground');
    await page.waitForTimeout(800);
    expect(await page.locator('credit-lens-panel').count()).toBe(0);
    await page.close();
  });

  it('sends what it read to the background', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl('credit-grants'));
    await expect
      .poll(async () => Object.keys(((await storage()).visits ?? {}) as object), { timeout: 15_000 })
      .toContain('credit-grants');
    await page.close();
  });

  it('opens the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('h1').innerText()).toBe('Credit Lens');
    await expect.poll(() => popup.locator('table.pages tr').count()).toBe(4);
    await popup.screenshot({ path: screenshotPath('chromium-popup') });
    await popup.close();
  });

  it('made no request outside platform.openai.com', () => {
    expect(foreign).toEqual([]);
  });
});
