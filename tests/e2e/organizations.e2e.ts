// Organizations in Chromium with the built extension (issue 12, item 1): two organizations read one
// after the other, a switch inside the page (top bar first, table later), a page that names no
// organization held until the popup assigns it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageContent } from '../../demo/pages';
import { SEED_ACCOUNT, type DemoAccount } from '../../demo/scenario';
import { demoResponse, savedPage } from '../../demo/site';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import type { Ledger } from '../../lib/ledger/schema';
import { fromStored, StoredLedgerSchema } from '../../lib/ledger/stored';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/extension-browser';
import { ACME_ACCOUNT, unnamedPage, visibleSwitcherPage } from '../support/accounts';
import { screenshotPath } from './screenshots';

let browser: ExtensionBrowser;
/** What the site serves now: a function of the URL, changed by each test. */
let serve: (url: string) => string | null = () => null;

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith('https://platform.openai.com/')) return url.startsWith('chrome-extension://') ? route.continue() : route.abort();
    const body = serve(url);
    if (body !== null) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    const r = demoResponse(url, SEED_ACCOUNT);
    return route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
  });
});
afterAll(async () => browser?.close());

const ledger = async (): Promise<Ledger | null> => {
  const raw = ((await browser.worker.evaluate(() => chrome.storage.local.get('ledger'))) as { ledger?: unknown }).ledger;
  return raw ? fromStored(StoredLedgerSchema.parse(raw)).ledger : null;
};
const grantsOf = async (org: string) => (await ledger())?.organizations[org]?.grants.length ?? 0;
const orgs = async () => Object.keys((await ledger())?.organizations ?? {}).sort();
const panelText = (page: Page) => page.evaluate(() => document.querySelector('credit-lens-panel')?.shadowRoot?.textContent ?? '');
/** Delete all data as the options page does (the worker keeps the ledger in memory too). */
async function reset(): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'delete' }));
  await options.close();
}

async function readAll(page: Page, account: DemoAccount, render: (k: PageKind, a: DemoAccount) => string): Promise<void> {
  for (const kind of ['credit-grants', 'billing-history', 'overview'] as PageKind[]) {
    serve = (url) => (url === pageUrl(kind) ? render(kind, account) : null);
    await page.goto(pageUrl(kind));
    // Stored: the background answers first and writes after. (Looked up in the worker: any name is a key there.)
    const stored = () =>
      browser.worker.evaluate(
        async ([org, page]) => {
          const orgs = (((await chrome.storage.local.get('ledger')) as { ledger?: { organizations: Record<string, { pages: Record<string, unknown> }> } }).ledger?.organizations ?? {});
          return Object.prototype.hasOwnProperty.call(orgs, org) && orgs[org]!.pages[page] !== undefined;
        },
        [account.organization, kind] as const,
      );
    await expect.poll(stored).toBe(true);
  }
}

describe('organizations', () => {
  it('keeps two organizations apart when their switcher reads only as text; the toolbar badge counts both', async () => {
    await reset();
    const page = await browser.context.newPage();
    await readAll(page, SEED_ACCOUNT, visibleSwitcherPage);
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('7');
    await readAll(page, ACME_ACCOUNT, visibleSwitcherPage);
    await expect.poll(orgs).toEqual(['Acme Research', 'Personal']);
    await expect.poll(() => grantsOf('Acme Research')).toBe(3);
    expect(await grantsOf('Personal')).toBe(9);
    // Acme's normal recharges are judged against its own credit: no critical alert on its page;
    // and Acme, read last and healthy, does not hide Personal's 7 charges from the toolbar badge.
    expect(await page.locator('credit-lens-panel .cl-count').count()).toBe(0);
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('7');
    expect(await browser.worker.evaluate(() => chrome.action.getTitle({}))).toBe('Credit Lens: 7 flagged charges');
    // The popup lists both with their counts and opens on the one that needs attention.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const list = popup.getByRole('navigation', { name: 'Organizations' });
    await expect.poll(() => list.getByRole('button').allInnerTexts()).toEqual(expect.arrayContaining(['Personal\n7 flagged charges', 'Acme Research\nno flagged charge']));
    expect(await list.getByRole('button', { pressed: true }).innerText()).toMatch(/^Personal/);
    await expect.poll(() => popup.locator('.cl-headline').innerText()).toMatch(/charged you 7 times/);
    await list.getByRole('button', { name: /Acme Research/ }).click();
    await expect.poll(() => list.getByRole('button', { pressed: true }).innerText()).toMatch(/^Acme Research/);
    await expect.poll(() => popup.locator('.cl-headline').innerText()).not.toMatch(/charged you/);
    await popup.screenshot({ path: screenshotPath('chromium-popup-two-organizations'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('stores an organization called __proto__ or constructor like any other', async () => {
    await reset();
    const page = await browser.context.newPage();
    await readAll(page, { ...SEED_ACCOUNT, organization: '__proto__' }, savedPage);
    await readAll(page, { ...ACME_ACCOUNT, organization: 'constructor' }, savedPage);
    // Read in the worker itself: the stored value, not a copy passed through the test's wire.
    const keys = await browser.worker.evaluate(async () => Object.keys(((await chrome.storage.local.get('ledger')) as { ledger: { organizations: object } }).ledger.organizations));
    expect(keys.sort()).toEqual(['__proto__', 'constructor']);
    // __proto__'s charges count in the toolbar badge like any organization's.
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('7');
    await page.close();
  });

  it("does not store the last organization's table under the new one while the page switches", async () => {
    await reset();
    serve = () => null; // the demo site, with its SPA client
    const page = await browser.context.newPage();
    await page.goto(pageUrl('credit-grants'));
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(9);
    await expect.poll(() => grantsOf('Personal')).toBe(9);
    // The top bar switches first…
    await page.evaluate((name) => {
      const button = document.querySelector('button.org')!;
      button.setAttribute('aria-label', `Organization: ${name}`);
      button.textContent = name;
    }, ACME_ACCOUNT.organization);
    await expect.poll(() => panelText(page)).toMatch(/The organization changed to "Acme Research": Credit Lens waits for its table/);
    expect(await orgs()).toEqual(['Personal']);
    // …and the table follows, as the real site does about 1.2 s later.
    const acmeTable = pageContent('credit-grants', ACME_ACCOUNT, { mode: 'saved' });
    await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      document.getElementById('page-content')!.replaceChildren(...Array.from(doc.body.childNodes));
    }, acmeTable);
    await expect.poll(() => grantsOf('Acme Research')).toBe(3);
    expect(await grantsOf('Personal')).toBe(9);
    const acme = (await ledger())!.organizations['Acme Research']!;
    expect(acme.grants.map((g) => g.displayedDate)).toEqual(['2026-10-31', '2026-09-30', '2026-08-31']);
    await expect.poll(() => page.locator('credit-lens-badge').count()).toBe(3);
    await page.close();
  });

  it('holds a page that names no organization until the popup assigns it', async () => {
    await reset();
    const page = await browser.context.newPage();
    await readAll(page, SEED_ACCOUNT, savedPage);
    serve = (url) => (url === pageUrl('credit-grants') ? unnamedPage('credit-grants', ACME_ACCOUNT) : null);
    await page.goto(pageUrl('credit-grants'));
    await expect.poll(() => panelText(page)).toMatch(/does not name its organization\. It is kept aside, counted nowhere, until you assign it/);
    expect(await grantsOf('Personal')).toBe(9);
    await page.close();

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 460, height: 900 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const holding = popup.getByRole('region', { name: 'Pages to assign' });
    await expect.poll(() => holding.innerText()).toMatch(/These pages could be Personal or another organization — assign:/);
    await popup.screenshot({ path: screenshotPath('chromium-popup-holding'), fullPage: true });
    await holding.getByRole('button', { name: 'Another organization…' }).click();
    await holding.getByLabel('Organization name').fill('Acme Research');
    await holding.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(orgs).toEqual(['Acme Research', 'Personal']);
    expect(await grantsOf('Acme Research')).toBe(3);
    expect(await grantsOf('Personal')).toBe(9);
    await expect.poll(() => popup.getByRole('region', { name: 'Pages to assign' }).count()).toBe(0);
    // The assignment can be undone from the popup: the pages wait again.
    await popup.getByRole('region', { name: 'Undo' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(orgs).toEqual(['Personal']);
    await expect.poll(() => popup.getByRole('region', { name: 'Pages to assign' }).count()).toBe(1);
    await popup.close();
  });
});
