// Partial knowledge in Chromium: with only some billing pages read, every surface (panel,
// badges, popup, support request) says only what those pages prove, and what is not read yet.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveDemo(browser.context, SEED_ACCOUNT);
});
afterAll(async () => browser?.close());

const inPanel = (page: Page, selector: string) => page.locator(`credit-lens-panel ${selector}`);

async function visit(page: Page, kind: PageKind, title: string): Promise<void> {
  await page.goto(pageUrl(kind));
  await expect.poll(() => inPanel(page, '.cl-title').innerText()).toContain(title);
  await expect.poll(() => page.evaluate(() => document.querySelector('credit-lens-panel')?.shadowRoot?.textContent ?? '')).not.toContain('Reading this page');
}

async function supportRequestText(): Promise<string> {
  const popup = await browser.context.newPage();
  await popup.addInitScript(() => {
    navigator.clipboard.writeText = async (text: string) => {
      (window as unknown as { copied: string }).copied = text;
    };
  });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Copy support request' }).click();
  await expect.poll(() => popup.locator('[role=status]').innerText()).toMatch(/copied/);
  const text = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
  await popup.close();
  return text;
}

describe('only the billing history read', () => {
  it('panel, badges and support request claim nothing about credit they have not seen', async () => {
    const page = await browser.context.newPage();
    await visit(page, 'billing-history', 'Billing history');
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(8);
    const panel = await inPanel(page, '.cl-body').innerText();
    expect(panel).not.toMatch(/nothing here looks wrong|Nothing looks wrong/);
    expect(panel).toMatch(/= credit bought\s*not read yet/);
    expect((await page.locator('credit-lens-badge .badge-text').allInnerTexts())[0]).toContain('Credit grants not read yet');
    // No proof without the grants page: no critical alert, so no toolbar count.
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

    const text = await supportRequestText();
    expect(text).toMatch(/^Subject: Billing reconciliation for organization "Personal"/);
    expect(text).not.toMatch(/refund|credit grants page shows|still unused|credit \$0\.00|I have turned/i);
    expect(text).toContain('- Paid, as the billing history lists it: $87.12');
    expect(text).toContain('not read yet (the credit grants page)');
    await page.close();
  });
});

describe('then the credit grants, without the overview', () => {
  it('still no green, and no refund wording without the threshold and target', async () => {
    const page = await browser.context.newPage();
    await visit(page, 'credit-grants', 'Credit grants');
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(9);
    await expect.poll(() => inPanel(page, '.cl-headline').innerText()).toMatch(/^Your card was charged 7 times in quick succession/);
    expect(await inPanel(page, '.cl-body').innerText()).not.toMatch(/nothing here looks wrong|Nothing looks wrong/);
    expect(await supportRequestText()).not.toMatch(/refund/i);
    await page.close();
  });
});
