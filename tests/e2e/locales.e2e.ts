// The extension in Chromium started in another language, on billing pages whose dates follow
// that language (the words stay English, as on the real site): every row is read and badged, and
// the billing history is read page by page ("Next invoices page").
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGrants, demoInvoices } from '../../demo/rows';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl } from '../../lib/dashboard/pages';
import type { Ledger } from '../../lib/ledger/schema';
import { fromStored, StoredLedgerSchema } from '../../lib/ledger/stored';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';
import { findFirefox, launchFirefox, serveDemoIn } from '../../scripts/firefox-browser';

const CASES = [
  { lang: 'vi', locale: 'vi-VN', shown: '19:01 3 thg 11, 2026', bought: /→ khoản tín dụng 10,00\sUS\$/ },
  { lang: 'de', locale: 'de-DE', shown: '3. Nov. 2026, 19:01', bought: /→ Guthaben über 10,00\s\$/ },
] as const;

for (const { lang, locale, shown, bought } of CASES) {
  describe(`Chromium started with --lang=${lang}`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension({ lang });
      await serveDemo(browser.context, SEED_ACCOUNT, { locale, paging: 'pages', pageSize: 5 });
    });
    afterAll(async () => browser?.close());

    const ledger = async (): Promise<Ledger> => {
      const raw = (await browser.worker.evaluate(() => chrome.storage.local.get('ledger'))) as { ledger?: unknown };
      return raw.ledger ? fromStored(StoredLedgerSchema.parse(raw.ledger)).ledger : { organizations: {} } as unknown as Ledger;
    };
    const org = async () => (await ledger()).organizations[SEED_ACCOUNT.organization];

    it('has the browser language in navigator.languages, and the page shows dates in it', async () => {
      const page = await browser.context.newPage();
      await page.goto(pageUrl('billing-history'));
      expect(await page.evaluate(() => navigator.languages)).toEqual([lang]);
      await expect.poll(() => page.locator('table.billing-history-table').innerText()).toContain(shown);
      await page.close();
    });

    it('reads and badges every grant', async () => {
      const page = await browser.context.newPage();
      await page.goto(pageUrl('credit-grants'));
      await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(demoGrants(SEED_ACCOUNT).length);
      await expect.poll(async () => (await org())?.grants.length).toBe(demoGrants(SEED_ACCOUNT).length);
      const grants = (await org())!.grants;
      expect(grants.map((g) => [g.displayedDate, g.expiresOn]).sort()).toEqual(demoGrants(SEED_ACCOUNT).map((g) => [g.displayedDate, g.expiresOn]).sort());
      await page.close();
    });

    it('reads the billing history page by page, badging each page, and keeps them all', async () => {
      const page = await browser.context.newPage();
      await page.goto(pageUrl('billing-history'));
      await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(5);
      await expect.poll(async () => (await org())?.invoices.length).toBe(5);
      await page.getByRole('button', { name: 'Next invoices page' }).click();
      await expect.poll(() => page.locator('table.billing-history-table tbody tr').count()).toBe(3);
      await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(3);
      await expect.poll(async () => (await org())?.invoices.length).toBe(8);
      const invoices = (await org())!.invoices;
      expect(invoices.map((i) => [i.number, i.createdAt, i.totalCents]).sort()).toEqual(demoInvoices(SEED_ACCOUNT).map((i) => [i.number, i.createdAt, i.totalCents]).sort());
      // Every badge names the grant its invoice bought: the dates were read, not guessed. (In the
      // browser's language and its way of writing money.)
      const texts = await page.locator('credit-lens-badge .badge-text').allInnerTexts();
      expect(texts.every((t) => bought.test(t))).toBe(true);
      await page.close();
    });
  });
}

// firefox-esr set to German: navigator.languages comes from its accept-languages preference.
const firefox = findFirefox();
if (!firefox && process.env.CI) throw new Error('firefox-esr is missing: apt-get install -y firefox-esr');
describe.skipIf(!firefox)('firefox-esr set to German', () => {
  let ff: Browser;
  afterAll(async () => ff?.close());

  it('reads and badges every invoice of a page with German dates', async () => {
    ff = await launchFirefox(firefox!, { lang: 'de' });
    const page = await ff.newPage();
    await serveDemoIn(page, SEED_ACCOUNT, { locale: 'de-DE' });
    await page.goto(pageUrl('billing-history'));
    expect(await page.evaluate(() => navigator.languages)).toEqual(['de']);
    await expect.poll(() => page.$$eval('credit-lens-badge', (els) => els.length), { timeout: 15_000 }).toBe(demoInvoices(SEED_ACCOUNT).length);
  });
});
