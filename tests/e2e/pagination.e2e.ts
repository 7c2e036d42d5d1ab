// A long billing history that pages with "Load more": rows that arrive later are read, merged and
// badged; nothing is doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAccount } from '../../demo/generate';
import { pageUrl } from '../../lib/dashboard/pages';
import type { Ledger } from '../../lib/ledger/schema';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';

let browser: ExtensionBrowser;
const account = generateAccount(60, 7, { promoRate: 0, refundRate: 0 });

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveDemo(browser.context, account, { pageSize: 25 });
});
afterAll(async () => browser?.close());

describe('Load more', () => {
  it('picks up each page of rows as it arrives', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl('billing-history'));
    const invoices = async () =>
      ((await browser.worker.evaluate(() => chrome.storage.local.get('ledger'))) as { ledger?: Ledger }).ledger?.organizations['Generated 7']?.invoices.length ?? 0;
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(25);
    await expect.poll(invoices).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(60);
    await expect.poll(invoices).toBe(60);
    await page.reload();
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(25);
    await page.waitForTimeout(600);
    expect(await invoices()).toBe(60);
  });
});
