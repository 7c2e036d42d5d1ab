// Everyday use in Chromium (issue 14): the whole UI in a German and a Vietnamese browser, with the
// browser's dates and money on every surface; the monthly statement page, printable to a clean PDF;
// a keyboard-only pass (Tab, Enter, Space) through panel, popup and options that reaches every
// control; and the surfaces at 360 px and at 200 % zoom, light and dark, with nothing scrolling
// sideways. Screenshots land in screenshots/e2e/ to be looked at.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { fromStored, StoredLedgerSchema } from '../../lib/ledger/stored';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';
import { screenshotPath } from './screenshots';

/** Read the seed case's four pages; each is stored before the next is opened. */
async function readSeed(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  for (const kind of ['credit-grants', 'billing-history', 'overview', 'usage'] as PageKind[]) {
    await page.goto(pageUrl(kind));
    const stored = async () => {
      const raw = (await browser.worker.evaluate(() => chrome.storage.local.get('ledger'))) as { ledger?: unknown };
      return raw.ledger ? fromStored(StoredLedgerSchema.parse(raw.ledger)).ledger.organizations.Personal?.pages[kind] !== undefined : false;
    };
    // (A hook: expect.poll is for tests.)
    for (let i = 0; i < 150 && !(await stored()); i++) await page.waitForTimeout(100);
    if (!(await stored())) throw new Error(`the ${kind} page was not stored`);
  }
  await page.close();
}
/** Intl writes no-break spaces (87,12 $): compared as plain spaces. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const panelText = (page: Page) => page.evaluate(() => document.querySelector('credit-lens-panel')?.shadowRoot?.textContent ?? '');
const extensionPage = (browser: ExtensionBrowser, path: string) => `chrome-extension://${browser.extensionId}/${path}`;

const LANGUAGES = [
  {
    lang: 'de',
    headline: 'Die automatische Aufladung hat Ihnen 7-mal etwas abgebucht (76,23 $), obwohl Ihr Kontostand über ihrer Schwelle lag.',
    pill: '7 beanstandete Abbuchungen',
    paid: 'Bezahlt87,12 $',
    bought: /^Gekauft 03\.11\.2026, 13:02 \(wahrscheinlich\)\nRechnung 5E1F7A2C-0002 · 10,89 \$ \(0,89 \$ Steuer\)/,
    copy: 'Supportanfrage kopieren',
    english: 'Auf Englisch kopieren',
    statement: 'Monatsabrechnung: Personal',
    month: 'November 2026',
    options: 'Einstellungen von Credit Lens',
    fieldError: '„Abbuchungen“ muss eine ganze Zahl von 2 bis 100 sein.',
  },
  {
    lang: 'vi',
    headline: 'Tự động nạp đã trừ tiền của bạn 7 lần (76,23 US$) trong khi số dư của bạn vẫn trên ngưỡng.',
    pill: '7 lần trừ tiền bị đánh dấu',
    paid: 'Đã thanh toán87,12 US$',
    bought: /^Mua lúc 13:02 3 thg 11, 2026 \(có khả năng\)\nHóa đơn 5E1F7A2C-0002 · 10,89 US\$ \(thuế 0,89 US\$\)/,
    copy: 'Sao chép yêu cầu hỗ trợ',
    english: 'Sao chép bằng tiếng Anh',
    statement: 'Sao kê hằng tháng: Personal',
    month: 'tháng 11 năm 2026',
    options: 'Cài đặt Credit Lens',
    fieldError: '“Số lần trừ tiền” phải là số nguyên từ 2 đến 100.',
  },
] as const;

for (const L of LANGUAGES) {
  describe(`the UI in a browser set to ${L.lang}`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension({ lang: L.lang });
      await serveDemo(browser.context, SEED_ACCOUNT);
      await readSeed(browser);
    });
    afterAll(async () => browser?.close());

    it('panel and row badges speak the language, with its dates and money everywhere', async () => {
      const page = await browser.context.newPage();
      await page.goto(pageUrl('credit-grants'));
      await expect.poll(async () => plain(await page.locator('credit-lens-panel .cl-headline').innerText())).toBe(L.headline);
      expect(await page.locator('credit-lens-panel .cl-count').innerText()).toBe(L.pill);
      expect(plain(await page.locator('credit-lens-panel .cl-recon-row').first().textContent())).toBe(L.paid);
      await expect.poll(async () => plain((await page.locator('credit-lens-badge .badge-text').allInnerTexts())[0] ?? '')).toMatch(L.bought);
      // One formatter: no English-style amount anywhere in the panel.
      expect(await panelText(page)).not.toMatch(/\$\d+\.\d{2}/);
      await page.screenshot({ path: screenshotPath(`chromium-${L.lang}-credit-grants`), fullPage: true });
      await page.close();
    });

    it('popup and statement page speak it too; the support request also comes in English', async () => {
      const popup = await browser.context.newPage();
      await popup.addInitScript(() => {
        navigator.clipboard.writeText = async (text: string) => {
          (window as unknown as { copied: string }).copied = text;
        };
      });
      await popup.setViewportSize({ width: 440, height: 900 });
      await popup.goto(extensionPage(browser, 'popup.html'));
      await expect.poll(async () => plain(await popup.locator('.cl-headline').innerText())).toBe(L.headline);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(L.lang);
      await popup.getByRole('button', { name: L.copy }).click();
      const inLanguage = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
      expect(inLanguage).toContain('5E1F7A2C-0002');
      expect(inLanguage).not.toContain('Subject:');
      await popup.getByRole('button', { name: L.english }).click();
      await expect.poll(() => popup.evaluate(() => (window as unknown as { copied: string }).copied)).toMatch(/^Subject: Refund request: 7 auto-recharge charges/);
      const english = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
      expect(english).toContain('- Invoice 5E1F7A2C-0002: $10.89 on Nov 3, 2026 13:02, while at least $6.20 of earlier credit was unused');
      await popup.screenshot({ path: screenshotPath(`chromium-${L.lang}-popup`), fullPage: true });
      await popup.close();

      const statement = await browser.context.newPage();
      await statement.goto(extensionPage(browser, 'statement.html?org=Personal'));
      await expect.poll(() => statement.locator('h1').innerText()).toBe(L.statement);
      expect(await statement.locator('tbody tr').last().locator('th').innerText()).toBe(L.month);
      await statement.screenshot({ path: screenshotPath(`chromium-${L.lang}-statement`), fullPage: true });
      await statement.close();
    });

    it('options name the field in error, in the language', async () => {
      const options = await browser.context.newPage();
      await options.goto(extensionPage(browser, 'options.html'));
      await expect.poll(() => options.locator('h1').innerText()).toBe(L.options);
      await options.locator('#field-rapidCount').fill('x');
      await options.locator('#field-rapidCount').press('Enter');
      await expect.poll(() => options.locator('#error-rapidCount').innerText()).toBe(L.fieldError);
      expect(await options.locator('#field-rapidCount').inputValue()).toBe('x');
      await options.screenshot({ path: screenshotPath(`chromium-${L.lang}-options`), fullPage: true });
      await options.close();
    });
  });
}

describe('in English', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveDemo(browser.context, SEED_ACCOUNT);
    await readSeed(browser);
  });
  afterAll(async () => browser?.close());

  it('the monthly statement: its table, a CSV download, and a print stylesheet that makes a clean PDF', async () => {
    const page = await browser.context.newPage();
    await page.goto(extensionPage(browser, 'statement.html?org=Personal'));
    await expect.poll(() => page.locator('tfoot tr').innerText()).toBe('Total\t8\t$87.12\t$7.12\t$80.00\t$0.00\t7\t$76.23\t$3.80');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = await (await csv.createReadStream()).toArray();
    expect(Buffer.concat(text).toString('utf8').split('\r\n')[0]).toBe('month,invoices,paid,tax,credit_bought,refunded,flagged_charges,flagged_amount,credit_expired');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.no-print').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    writeFileSync(screenshotPath('statement-print').replace(/\.png$/, '.pdf'), await page.pdf({ format: 'A4' }));
    await page.screenshot({ path: screenshotPath('chromium-statement-print'), fullPage: true });
    await page.close();
  });

  /** Tab through a page (into open shadow roots), pressing nothing else; what received focus. */
  async function tabThrough(page: Page, presses: number): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press('Tab');
      seen.push(
        await page.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          return el ? `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}` : '';
        }),
      );
    }
    return seen;
  }
  /** Every control a person can operate in `root` (a selector for a shadow host, or the document). */
  const controls = (page: Page, host?: string) =>
    page.evaluate((host) => {
      const root: ParentNode = host ? document.querySelector(host)!.shadowRoot! : document;
      return [...root.querySelectorAll('a[href], button, input:not([type=file]), select, summary, [tabindex="0"]')]
        .filter((el) => (el as HTMLElement).offsetParent !== null && !(el as HTMLButtonElement).disabled)
        .map((el) => `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`);
    }, host);

  it('keyboard only: Tab reaches every control of the panel, and Enter and Space operate them', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl('overview'));
    await page.locator('credit-lens-panel .cl-headline').waitFor();
    // From the panel's first control, Tab alone visits every one of them.
    const wanted = await controls(page, 'credit-lens-panel');
    await page.locator('credit-lens-panel .cl-toggle').focus();
    const reached = ['button:Hide', ...(await tabThrough(page, wanted.length - 1))];
    expect(wanted.filter((c) => !reached.includes(c))).toEqual([]);
    // Space opens a <details>, Enter follows the "Show all" button.
    await page.locator('credit-lens-panel summary').first().focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('credit-lens-panel details').first().getAttribute('open')).toBe('');
    await page.locator('credit-lens-panel button.cl-link').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('credit-lens-panel .cl-alert').count()).toBe(4);
    await page.locator('credit-lens-panel .cl-toggle').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('credit-lens-panel .cl-body').count()).toBe(0);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('credit-lens-panel .cl-body').count()).toBe(1);
    await page.close();
  });

  it('keyboard only: Tab reaches every control of the popup and of the options page, "Import data…" included', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(extensionPage(browser, 'popup.html'));
    await popup.locator('.cl-headline').waitFor();
    const wanted = await controls(popup);
    const reached = await tabThrough(popup, wanted.length + 5);
    expect(wanted.filter((c) => !reached.includes(c))).toEqual([]);
    await popup.close();

    const options = await browser.context.newPage();
    await options.goto(extensionPage(browser, 'options.html'));
    await options.bringToFront();
    await options.locator('form').waitFor();
    const optionControls = await controls(options);
    expect(optionControls).toContain('button:Import data…');
    // Enter on "Import data…" opens the file picker: it clicks the file input, which the browser
    // answers with its file chooser (counted here rather than waited for: headless may not show one).
    await options.evaluate(() => {
      const input = document.querySelector('input[type=file]')!;
      input.addEventListener('click', (e) => {
        e.preventDefault();
        (window as unknown as { picked: number }).picked = ((window as unknown as { picked?: number }).picked ?? 0) + 1;
      });
    });
    await options.getByRole('button', { name: 'Import data…' }).press('Enter');
    await expect.poll(() => options.evaluate(() => (window as unknown as { picked?: number }).picked ?? 0)).toBe(1);
    await options.getByRole('button', { name: 'Import data…' }).press(' ');
    await expect.poll(() => options.evaluate(() => (window as unknown as { picked?: number }).picked ?? 0)).toBe(2);
    await options.locator('h1').click();
    const seen = await tabThrough(options, optionControls.length + 5);
    expect(optionControls.filter((c) => !seen.includes(c))).toEqual([]);
    await options.close();
  });

  describe.each(['light', 'dark'] as const)('at 360 px and at 200 %% zoom (%s)', (scheme) => {
    // 200 % zoom of a 1280 px window lays out like a 640 px viewport.
    for (const width of [360, 640]) {
      it(`nothing scrolls sideways at ${width} px: panel, popup, options, statement`, async () => {
        const page = await browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 800 });
        await page.goto(pageUrl('credit-grants'));
        await page.locator('credit-lens-panel .cl-headline').waitFor();
        await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(9);
        const panel = await page.evaluate(() => {
          const el = document.querySelector('credit-lens-panel')!.shadowRoot!.querySelector('.cl-panel') as HTMLElement;
          return el.scrollWidth - el.clientWidth;
        });
        expect(panel).toBeLessThanOrEqual(1);
        await page.screenshot({ path: screenshotPath(`chromium-${width}px-${scheme}-credit-grants`), fullPage: true });
        await page.locator('credit-lens-panel').screenshot({ path: screenshotPath(`chromium-${width}px-${scheme}-panel`) });
        for (const path of ['popup.html', 'options.html', 'statement.html?org=Personal']) {
          await page.goto(extensionPage(browser, path));
          await page.locator('h1').first().waitFor();
          await page.waitForTimeout(0);
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(sideways, path).toBeLessThanOrEqual(1);
          await page.screenshot({ path: screenshotPath(`chromium-${width}px-${scheme}-${path.replace(/\.html.*/, '')}`), fullPage: true });
        }
        await page.close();
      });
    }
  });
});
