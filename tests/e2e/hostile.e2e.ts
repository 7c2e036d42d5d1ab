// The hostile corpus in the live overlay: served at the real billing URLs in Chromium with the
// extension loaded. Nothing from a cell runs, the panel stays up, problems are shown as text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/extension-browser';
import { hostileCorpus } from '../support/hostile-corpus';
import { screenshotPath } from './screenshots';

let browser: ExtensionBrowser;
let served = '';
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('https://platform.openai.com/')) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served });
    // The extension's own files (the panel's stylesheet) are not network requests.
    return url.startsWith('chrome-extension://') ? route.continue() : route.abort();
  });
});
afterAll(async () => browser?.close());

const KINDS: PageKind[] = ['billing-history', 'credit-grants'];

describe('hostile pages in the overlay', () => {
  it.each(hostileCorpus().filter((p) => p.name !== 'ten-thousand-rows.html').map((p) => [p.name, p.html] as const))('%s', async (name, html) => {
    served = html;
    for (const kind of KINDS) {
      const page: Page = await browser.context.newPage();
      page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
      await page.goto(pageUrl(kind));
      await expect.poll(() => page.locator('credit-lens-panel .cl-title').count()).toBe(1);
      // Either the page was read (with warnings) or the panel says it could not be.
      await expect
        .poll(() => page.evaluate(() => document.querySelector('credit-lens-panel')?.shadowRoot?.textContent ?? ''), { timeout: 15_000 })
        .toMatch(/could not be read|could not find|Open the|Nothing looks wrong|charged|thing/);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      // Whatever markup a cell held is shown as text: no element from a cell reaches our UI.
      const injected = await page.evaluate(() =>
        [...document.querySelectorAll('credit-lens-panel, credit-lens-badge')].some((h) => h.shadowRoot?.querySelector('img, script, iframe, object, embed, [onload], [onerror]')),
      );
      expect(injected).toBe(false);
      if (name === 'markup-in-cells.html' && kind === 'billing-history') {
        await page.locator('credit-lens-panel summary', { hasText: 'could not be read' }).click();
        expect(await page.locator('credit-lens-panel .cl-page-warnings').innerText()).toContain('<script>window.__pwned=1</script>');
        await page.screenshot({ path: screenshotPath('chromium-hostile-markup'), fullPage: true });
      }
      await page.close();
    }
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
