// The ledger's data in Chromium with the built extension (issue 12, items 2–4): a damaged ledger
// and one from a newer version leave a way out on the options page; an import is shown, then
// confirmed, then undone; the two pages of a paged grants table are added up, not folded.
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { renderTable } from '../../demo/pages';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { demoResponse } from '../../demo/site';
import { pageUrl } from '../../lib/dashboard/pages';
import { fromStored, StoredLedgerSchema } from '../../lib/ledger/stored';
import { exportLedger } from '../../lib/ledger/transfer';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ACME_ACCOUNT } from '../support/accounts';
import { ledgerOf } from '../support/pipeline';
import { screenshotPath } from './screenshots';

let browser: ExtensionBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

async function start(pages: Record<string, string> = {}): Promise<ExtensionBrowser> {
  const b = await launchWithExtension();
  await route(b.context, pages);
  return b;
}
async function route(context: BrowserContext, pages: Record<string, string>): Promise<void> {
  await context.route('**/*', async (r) => {
    const url = r.request().url();
    if (!url.startsWith('https://platform.openai.com/')) return url.startsWith('chrome-extension://') ? r.continue() : r.abort();
    if (pages[url]) return r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pages[url] });
    const d = demoResponse(url, SEED_ACCOUNT);
    return r.fulfill({ status: d.status, contentType: d.contentType, body: d.body });
  });
}
const storedLedger = async (b: ExtensionBrowser) => ((await b.worker.evaluate(() => chrome.storage.local.get('ledger'))) as { ledger?: unknown }).ledger;
const options = async (b: ExtensionBrowser): Promise<Page> => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  return page;
};
async function readDownload(d: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await d.createReadStream())!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('a way out, whatever state storage is in', () => {
  it('a damaged ledger: recovered, its damaged copy downloadable from the options page', async () => {
    browser = await start();
    const good = JSON.parse(exportLedger(ledgerOf(SEED_ACCOUNT)));
    const damaged = structuredClone(good);
    damaged.organizations.Personal.grants[0][9] = 'garbage';
    await browser.worker.evaluate((ledger) => chrome.storage.local.set({ ledger }), damaged);
    const page = await options(browser);
    await expect.poll(() => page.locator('[role=alert]').first().innerText()).toMatch(/damaged.*A compressed copy was kept aside.*8 grants and 8 invoices were recovered/);
    const [copy] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the damaged copy' }).click()]);
    expect(JSON.parse(await readDownload(copy))).toEqual(damaged);
    const [data] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export data' }).click()]);
    expect(JSON.parse(await readDownload(data)).organizations.Personal.grants).toHaveLength(8);
    await page.screenshot({ path: screenshotPath('chromium-options-damaged'), fullPage: true });
  });

  it('a ledger from a newer version: kept untouched and read-only, exported as it is, deleted on request', async () => {
    browser = await start();
    const newer = { schema: 'credit-lens/ledger', version: 9, organizations: { Personal: { future: true } }, held: [] };
    await browser.worker.evaluate((ledger) => chrome.storage.local.set({ ledger }), newer);
    const grants = await browser.context.newPage();
    await grants.goto(pageUrl('credit-grants'));
    await expect.poll(() => grants.evaluate(() => document.querySelector('credit-lens-panel')?.shadowRoot?.querySelector('.cl-warn')?.textContent ?? '')).toMatch(/saved by a newer version of Credit Lens \(data version 9\)/);
    await expect.poll(() => grants.locator('credit-lens-badge').count()).toBe(9);
    expect(await storedLedger(browser)).toEqual(newer);
    const page = await options(browser);
    await expect.poll(() => page.locator('[role=alert]').first().innerText()).toMatch(/newer version of Credit Lens \(data version 9\) and is kept as it is/);
    const [data] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export data' }).click()]);
    expect(JSON.parse(await readDownload(data))).toEqual(newer);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete all data' }).click();
    await expect.poll(() => storedLedger(browser!)).toBeUndefined();
    await expect.poll(() => page.locator('[role=alert]').count()).toBe(0);
  });
});

describe('imports', () => {
  it('shows what an import adds, imports it on confirmation, and undoes it', async () => {
    browser = await start();
    const grants = await browser.context.newPage();
    await grants.goto(pageUrl('credit-grants'));
    await expect.poll(async () => Object.keys(((await storedLedger(browser!)) as { organizations?: object })?.organizations ?? {})).toEqual(['Personal']);
    const before = await storedLedger(browser);
    const page = await options(browser);
    await page.locator('input[type=file]').setInputFiles({ name: 'acme.json', mimeType: 'application/json', buffer: Buffer.from(exportLedger(ledgerOf(ACME_ACCOUNT))) });
    const preview = page.getByRole('region', { name: 'Import to confirm' });
    await expect.poll(() => preview.innerText()).toMatch(/acme\.json will add 3 new grants, 3 new invoices, 1 new organization:\n*“Acme Research” \(new organization\): 3 new grants, 3 new invoices/);
    expect(await storedLedger(browser)).toEqual(before);
    await page.screenshot({ path: screenshotPath('chromium-options-import-preview'), fullPage: true });
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(async () => Object.keys(((await storedLedger(browser!)) as { organizations: object }).organizations).sort()).toEqual(['Acme Research', 'Personal']);
    const undo = page.getByRole('region', { name: 'Undo' });
    await expect.poll(() => undo.innerText()).toMatch(/Import of 3 new grants, 3 new invoices, 1 new organization/);
    await undo.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => exportLedger(fromStored(StoredLedgerSchema.parse(await storedLedger(browser!))).ledger)).toBe(exportLedger(fromStored(StoredLedgerSchema.parse(before)).ledger));
  });
});

describe('a grant is one grant whatever cells are late', () => {
  it('keeps each grant once when the Expires cells fill in after the rows', async () => {
    const url = pageUrl('credit-grants');
    const rows = [
      ['Oct 31, 2026', 'Available', '$10.00 / $10.00', '—'],
      ['Oct 31, 2026', 'Available', '$10.00 / $10.00', '—'],
      ['May 31, 2026', 'Available', '$6.20 / $10.00', '—'],
    ];
    const html = `<!DOCTYPE html><html><body><header><button aria-label="Organization: Personal">Personal</button></header><main>${renderTable('table', 'Credit grants', ['Received', 'State', 'Balance', 'Expires'], rows)}</main></body></html>`;
    browser = await start({ [url]: html });
    const grants = async () => {
      const raw = await storedLedger(browser!);
      return raw ? fromStored(StoredLedgerSchema.parse(raw)).ledger.organizations.Personal?.grants ?? [] : [];
    };
    const page = await browser.context.newPage();
    await page.goto(url);
    await expect.poll(async () => (await grants()).length).toBe(3);
    expect((await grants()).map((g) => g.expiresOn)).toEqual([null, null, null]);
    // The site fills in the expiry dates a moment later (400 ms on the real page).
    await page.evaluate(() => {
      const dates = ['Nov 30, 2027', 'Nov 30, 2027', 'Jun 30, 2027'];
      document.querySelectorAll('tbody tr').forEach((tr, i) => {
        tr.querySelector('td:last-child')!.firstChild!.textContent = dates[i]!;
      });
    });
    await expect.poll(async () => (await grants()).map((g) => g.expiresOn)).toEqual(['2027-11-30', '2027-11-30', '2027-06-30']);
    expect(await grants()).toHaveLength(3);
  });
});

describe('a grants table in pages', () => {
  it('adds 20 + 5 identical rows on two pages up to 25 grants, and a re-read of page 1 adds none', async () => {
    const url = pageUrl('credit-grants');
    const html = (rows: number, n: number) =>
      `<!DOCTYPE html><html><body><header><button aria-label="Organization: Personal">Personal</button></header><main>${renderTable(
        'table',
        'Credit grants',
        ['Received', 'State', 'Balance', 'Expires'],
        Array.from({ length: rows }, () => ['Oct 31, 2026', 'Available', '$10.00 / $10.00', 'Nov 30, 2027']),
      )}<nav aria-label="Pagination"><span>Page ${n} of 2</span><a href="?page=${3 - n}">${n === 1 ? 'Next' : 'Previous'}</a></nav></main></body></html>`;
    browser = await start({ [url]: html(20, 1), [`${url}?page=2`]: html(5, 2) });
    const count = async () => fromStored(StoredLedgerSchema.parse(await storedLedger(browser!))).ledger.organizations.Personal?.grants.length;
    const page = await browser.context.newPage();
    await page.goto(url);
    await expect.poll(async () => ((await storedLedger(browser!)) ? count() : 0)).toBe(20);
    await page.goto(`${url}?page=2`);
    await expect.poll(count).toBe(25);
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(5);
    // Page 1 again: wait until its read is stored (one more entry in the undo history); it adds none.
    const reads = async () => ((await browser!.worker.evaluate(() => chrome.storage.local.get('journal'))) as { journal?: { entries: unknown[] } }).journal?.entries.length ?? 0;
    const before = await reads();
    await page.goto(url);
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(20);
    await expect.poll(reads).toBe(before + 1);
    expect(await count()).toBe(25);
  });
});
