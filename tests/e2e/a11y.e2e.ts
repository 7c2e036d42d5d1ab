// axe-core on what Credit Lens draws: the panel and badges on a billing page, the popup and the
// options page, in light and dark. No serious or critical issue is allowed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';
import { screenshotPath } from './screenshots';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: ExtensionBrowser;

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Serious and critical violations inside `scope` (all of the page when omitted). */
async function axe(page: Page, scope?: string): Promise<string[]> {
  // Evaluated, not injected as a <script>: extension pages forbid inline scripts.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.filter((n) => !scope || JSON.stringify(n.target).includes(scope)).map((n) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)}`));
}

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveDemo(browser.context, SEED_ACCOUNT);
  const page = await browser.context.newPage();
  for (const kind of ['credit-grants', 'billing-history', 'overview', 'usage'] as PageKind[]) {
    await page.goto(pageUrl(kind));
    await page.locator('credit-lens-panel .cl-title').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => !document.querySelector('credit-lens-panel')?.shadowRoot?.textContent?.includes('Reading this page'), null, { timeout: 10_000 });
  }
  await page.close();
});
afterAll(async () => browser?.close());

describe('zoom', () => {
  it('the panel is readable at 200% zoom: nothing cut off, nothing scrolls sideways', async () => {
    const page = await browser.context.newPage();
    // 200% zoom of a 1280 px window lays out like a 640 px viewport.
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(pageUrl('overview'));
    await page.locator('credit-lens-panel .cl-headline').waitFor();
    const overflow = await page.evaluate(() => {
      const root = document.querySelector('credit-lens-panel')!.shadowRoot!;
      const panel = root.querySelector('.cl-panel') as HTMLElement;
      return { panel: panel.scrollWidth - panel.clientWidth, page: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });
    expect(overflow.panel).toBeLessThanOrEqual(1);
    await page.screenshot({ path: screenshotPath('chromium-zoom-200'), fullPage: true });
    await page.close();
  });
});

describe.each(['light', 'dark'] as const)('accessibility (%s)', (scheme) => {
  it('panel and row badges', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(pageUrl('credit-grants'));
    await expect.poll(() => page.locator('credit-lens-badge').count(), { timeout: 10_000 }).toBe(9);
    await page.locator('credit-lens-panel summary').first().click();
    expect(await axe(page, 'credit-lens')).toEqual([]);
    await page.close();
  });

  it('popup', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.locator('.cl-headline').count(), { timeout: 10_000 }).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('statement', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${browser.extensionId}/statement.html?org=Personal`);
    await expect.poll(() => page.locator('table.months').count(), { timeout: 10_000 }).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('options', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 10_000 }).toBe('Credit Lens settings');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
