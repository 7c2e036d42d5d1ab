// Smoke test in firefox-esr: the extension installs, the panel mounts, the popup opens.
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl } from '../../lib/dashboard/routes';
import { FIREFOX_UUID, findFirefox, launchFirefox, serveDemoIn } from '../../scripts/firefox-browser';
import { screenshotPath } from './screenshots';

const firefox = findFirefox();
let browser: Browser;

// CI installs firefox-esr (.ci/run) and must run this; elsewhere a machine without it skips.
if (!firefox && process.env.CI) throw new Error('firefox-esr is missing: apt-get install -y firefox-esr');
describe.skipIf(!firefox)('firefox-esr', () => {
  beforeAll(async () => {
    browser = await launchFirefox(firefox!);
  });
  afterAll(async () => browser?.close());

  it('mounts the panel on the credit grants page', async () => {
    const page = await browser.newPage();
    await serveDemoIn(page, SEED_ACCOUNT);
    await page.goto(pageUrl('credit-grants'));
    const title = await page.waitForSelector('credit-lens-panel >>> .cl-title', { timeout: 20_000 });
    expect(await title!.evaluate((el) => el.textContent)).toContain('Credit grants');
    await page.screenshot({ path: screenshotPath('firefox-credit-grants') });
    await page.close();
  });

  it('opens the popup', async () => {
    const page = await browser.newPage();
    // goto never resolves on moz-extension:// pages: start it, then wait for content.
    void page.goto(`moz-extension://${FIREFOX_UUID}/popup.html`, { timeout: 5_000 }).catch(() => undefined);
    const heading = await page.waitForSelector('h1', { timeout: 20_000 });
    expect(await heading!.evaluate((el) => el.textContent)).toBe('Credit Lens');
    await page.close();
  });
});
