// The built extension in Debian's Chromium, on the demo dashboard served at the real URLs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl, PAGE_KINDS, type PageKind } from '../../lib/dashboard/pages';
import type { Ledger } from '../../lib/ledger/schema';
import { fromStored, StoredLedgerSchema } from '../../lib/ledger/stored';
import { exportLedger } from '../../lib/ledger/transfer';
import { ReportSchema } from '../../lib/report-schema';
import { launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';
import { screenshotPath } from './screenshots';

let browser: ExtensionBrowser;
let foreign: string[];

beforeAll(async () => {
  browser = await launchWithExtension();
  foreign = await serveDemo(browser.context, SEED_ACCOUNT);
});
afterAll(async () => browser?.close());

const TITLES: Record<PageKind, string> = { 'credit-grants': 'Credit grants', 'billing-history': 'Billing history', usage: 'Usage', overview: 'Billing overview' };
const inPanel = (page: Page, selector: string) => page.locator(`credit-lens-panel ${selector}`);
/** The ledger as the background stored it, expanded (and validated) as the extension reads it. */
const storage = async (): Promise<{ ledger: Ledger }> => {
  const raw = (await browser.worker.evaluate(() => chrome.storage.local.get('ledger'))) as { ledger: unknown };
  return { ledger: fromStored(StoredLedgerSchema.parse(raw.ledger)).ledger };
};
const badgeTexts = (page: Page) => page.locator('credit-lens-badge .badge-text').allInnerTexts();

/** Open a billing page and wait until the panel shows this page's report. */
async function visit(page: Page, kind: PageKind): Promise<void> {
  await page.goto(pageUrl(kind));
  await expect.poll(() => inPanel(page, '.cl-title').innerText()).toContain(TITLES[kind]);
  await expect.poll(() => page.evaluate(() => document.querySelector('credit-lens-panel')?.shadowRoot?.textContent ?? '')).not.toContain('Reading this page');
}

describe('the seed case, visited as a user would', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
  });

  it('reads the grants page when its rows arrive after load, and stores a correct snapshot', async () => {
    await visit(page, 'credit-grants');
    // The background answers before it writes: wait for storage, as the next visit would.
    await expect.poll(async () => (await storage()).ledger.organizations.Personal?.grants.length).toBe(9);
    const org = (await storage()).ledger.organizations.Personal!;
    expect(org.grants).toHaveLength(9);
    expect(org.grants.filter((g) => g.displayedDate === '2026-10-31' && g.amountCents === 1000)).toHaveLength(7);
    expect(org.pages['credit-grants']!.understood).toBe(true);
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(9);
    expect(await inPanel(page, '.cl-headline').innerText()).toMatch(/Open the billing history/);
  });

  it('reads the billing history after an SPA tab switch and badges every invoice', async () => {
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Billing history' }).click();
    await page.waitForURL(pageUrl('billing-history'));
    await expect.poll(() => inPanel(page, '.cl-title').innerText()).toContain('Billing history');
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(8);
    await expect.poll(async () => (await storage()).ledger.organizations.Personal?.invoices.length).toBe(8);
    const { ledger } = await storage();
    expect(ledger.organizations.Personal!.invoices.map((i) => [i.number, i.totalCents, i.createdAt]).slice(0, 2)).toEqual([
      ['5E1F7A2C-0008', 1089, '2026-11-03T19:01'],
      ['5E1F7A2C-0007', 1089, '2026-11-03T18:03'],
    ]);
    const texts = await badgeTexts(page);
    expect(texts[0]).toMatch(/→ \$10\.00 grant, shown as Oct 31, 2026/);
    expect(texts[7]).toMatch(/→ \$10\.00 grant, shown as May 31, 2026/);
  });

  it('raises the critical alerts once the overview gives the threshold, and sets the toolbar badge', async () => {
    await visit(page, 'overview');
    await expect.poll(() => inPanel(page, '.cl-headline').innerText()).toBe('Auto-recharge charged you 7 times ($76.23) while your balance was above its threshold.');
    // One count everywhere: pill, headline and toolbar badge say 7 charges.
    expect(await inPanel(page, '.cl-count').innerText()).toBe('7 flagged charges');
    await inPanel(page, 'button:has-text("Show all")').click();
    const alerts = await inPanel(page, '.cl-alert').allInnerTexts();
    // One alert per story: the 7 charges are one card with its list and one total.
    const above = alerts.filter((a) => /Charged while above the threshold/.test(a));
    expect(above).toHaveLength(1);
    expect(above[0]).toContain('$76.23 in all');
    expect(above[0]!.match(/Invoice 5E1F7A2C-\d+: \$10\.89 on/g)).toHaveLength(7);
    expect(alerts.some((a) => /Rapid repeated recharges/.test(a))).toBe(true);
    for (const card of alerts.slice(0, 2)) expect(card).toContain('switch auto-recharge off on the billing overview');
    await expect
      .poll(async () => (await storage()).ledger.organizations.Personal?.overview?.autoRecharge)
      .toEqual({ enabled: true, thresholdCents: 500, targetCents: 1500 });
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('7');
    await page.screenshot({ path: screenshotPath('chromium-overview-light'), fullPage: true });
  });

  it('reads the usage page and explains the $0.00', async () => {
    await visit(page, 'usage');
    await expect.poll(async () => (await storage()).ledger.organizations.Personal?.usage).toMatchObject({ totalSpendCents: 0, from: '2026-11-01', to: '2026-11-30' });
    await inPanel(page, 'summary:has-text("Why the billing pages")').click();
    expect(await inPanel(page, '.cl-why').innerText()).toMatch(/Usage reads \$0\.00 although \$87\.12 was paid/);
    await page.screenshot({ path: screenshotPath('chromium-usage-light'), fullPage: true });
  });

  it('shows on every grant the invoice that bought it, with its real date and tax', async () => {
    await visit(page, 'credit-grants');
    await expect.poll(async () => (await badgeTexts(page)).filter((t) => t.startsWith('Bought')).length).toBe(8);
    const texts = await badgeTexts(page);
    expect(texts[0]).toMatch(/^Bought Nov 3, 2026, 1:02 PM \(likely\)\nInvoice 5E1F7A2C-0002 · \$10\.89 \(\$0\.89 tax\)/);
    expect(texts[7]).toMatch(/^Bought Jun 12, 2026, 9:41 AM\nInvoice 5E1F7A2C-0001 · \$10\.89 \(\$0\.89 tax\)/);
    expect(texts[8]).toMatch(/promotional or free credit/);
    await page.screenshot({ path: screenshotPath('chromium-credit-grants-light'), fullPage: true });
  });

  it('remembers a collapsed panel', async () => {
    await inPanel(page, '.cl-toggle').click();
    await expect.poll(() => inPanel(page, '.cl-body').count()).toBe(0);
    await visit(page, 'overview');
    expect(await inPanel(page, '.cl-body').count()).toBe(0);
    await inPanel(page, '.cl-toggle').click();
    await expect.poll(() => inPanel(page, '.cl-body').count()).toBe(1);
  });

  it('unmounts on a non-billing route and back', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playground' }).click();
    await page.waitForURL('https://platform.openai.com/playground');
    await expect.poll(() => page.locator('credit-lens-panel').count()).toBe(0);
    await page.goBack();
    await expect.poll(() => inPanel(page, '.cl-title').innerText()).toContain('Billing overview');
  });

  it('opens the popup with the alerts, and its actions produce the evidence', async () => {
    const popup = await browser.context.newPage();
    // Chromium grants no clipboard permission to extension origins under test: capture the write.
    await popup.addInitScript(() => {
      navigator.clipboard.writeText = async (text: string) => {
        (window as unknown as { copied: string }).copied = text;
      };
    });
    await popup.setViewportSize({ width: 460, height: 900 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('.cl-headline').innerText()).toMatch(/charged you 7 times/);
    expect(await popup.locator('table.pages tr').count()).toBe(4);
    expect(await popup.locator('tr[data-page="usage"] td').innerText()).toMatch(/^read /);

    await popup.getByRole('button', { name: 'Copy support request' }).click();
    await expect.poll(() => popup.locator('[role=status]').innerText()).toMatch(/copied/);
    const text = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(text).toMatch(/Subject: Refund request/);
    expect(text).toContain('- Invoice 5E1F7A2C-0002: $10.89 on Nov 3, 2026 13:02, while at least $6.20 of earlier credit was unused');
    expect(text).toContain('These charges total $76.23.');

    const [csv] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Download CSV' }).click()]);
    const csvText = await readDownload(csv);
    expect(csvText.split('\r\n')[0]).toBe('displayed_date,state,amount,remaining,used,expires_on,invoice,paid_at,invoice_total,tax,confidence,note,currency,invoice_url,flagged');
    expect(csvText).toContain('2026-05-31,available,10.00,6.20,3.80,2027-06-30,5E1F7A2C-0001,2026-06-12T09:41,10.89,0.89,exact,');

    const [json] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Download report (JSON)' }).click()]);
    const report = ReportSchema.parse(JSON.parse(await readDownload(json)));
    expect(report.schema).toBe('credit-lens/report@1');
    expect(report.alerts.filter((a) => a.kind === 'recharge-above-threshold' && a.severity === 'critical')).toHaveLength(7);
    await popup.screenshot({ path: screenshotPath('chromium-popup-light'), fullPage: true });
    await popup.close();
  });

  it('looks right in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await visit(page, 'billing-history');
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(8);
    await page.screenshot({ path: screenshotPath('chromium-billing-history-dark'), fullPage: true });
    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize({ width: 460, height: 900 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('.cl-headline').count()).toBe(1);
    await popup.screenshot({ path: screenshotPath('chromium-popup-dark'), fullPage: true });
    await popup.close();
  });

  it('options: saves a setting; export → delete all → import restores the ledger exactly', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel(/Warn about credit expiring within days/).fill('45');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => options.locator('[role=status]').innerText()).toBe('Saved.');
    expect(((await browser.worker.evaluate(() => chrome.storage.local.get('settings'))) as { settings: { expiringDays: number } }).settings.expiringDays).toBe(45);
    await options.getByLabel(/Warn about credit expiring within days/).fill('lots');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => options.locator('[role=alert]').innerText()).toMatch(/Not saved/);

    const before = exportOf((await browser.worker.evaluate(() => chrome.storage.local.get('ledger'))) as { ledger: unknown });
    const [file] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export data' }).click()]);
    const exported = await readDownload(file);
    expect(exportOf({ ledger: JSON.parse(exported) })).toBe(before);

    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: 'Delete all data' }).click();
    await expect.poll(() => options.locator('[role=status]').innerText()).toBe('Deleted.');
    // Deleted, not emptied: nothing of it is left in storage.
    expect(Object.keys(await browser.worker.evaluate(() => chrome.storage.local.get(null))).sort()).toEqual(['panelCollapsed', 'settings']);
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

    await options.locator('input[type=file]').setInputFiles({ name: 'credit-lens-data.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    // What the import will add is shown first; nothing changes until it is confirmed.
    await expect.poll(() => options.getByRole('region', { name: 'Import to confirm' }).innerText()).toMatch(/credit-lens-data\.json will add 9 new grants, 8 new invoices, 1 new organization/);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.locator('[role=status]').innerText()).toBe('Imported and merged: 9 new grants, 8 new invoices, 1 new organization. Nothing was overwritten.');
    expect(exportOf((await browser.worker.evaluate(() => chrome.storage.local.get('ledger'))) as { ledger: unknown })).toBe(before);
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('7');

    await options.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema":"credit-lens/ledger","version":2,"organizations":{"x":1}}') });
    await expect.poll(() => options.locator('[role=alert]').innerText()).toMatch(/^Not imported: The file is damaged.*Nothing was imported\./);
    expect(exportOf((await browser.worker.evaluate(() => chrome.storage.local.get('ledger'))) as { ledger: unknown })).toBe(before);
    await options.close();
  });

  it('does nothing on a non-billing page', async () => {
    const other = await browser.context.newPage();
    await other.goto('https://platform.openai.com/playground');
    await other.waitForTimeout(800);
    expect(await other.locator('credit-lens-panel, credit-lens-badge').count()).toBe(0);
    await other.close();
  });

  it.each(PAGE_KINDS)('mounts on %s opened directly', async (kind) => {
    const p = await browser.context.newPage();
    await visit(p, kind);
    await p.close();
  });

  it('made no request outside platform.openai.com', () => {
    expect(foreign).toEqual([]);
  });
});

/** The stored ledger, expanded and exported again: equal ledgers give equal text. */
function exportOf(stored: { ledger: unknown }): string {
  return exportLedger(fromStored(StoredLedgerSchema.parse(stored.ledger)).ledger);
}

async function readDownload(d: import('playwright-core').Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await d.createReadStream())!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
