// `npm run demo`: the extension on the built-in demo dashboard, visited as a user would.
// Headless (default) it saves screenshots and prints what the extension showed;
// `npm run demo -- --headed` opens a window and leaves it open for a person;
// `npm run demo -- --locale vi-VN` shows the dashboard's dates in that locale, in a browser set to it;
// `npm run demo -- --docs` also copies the README's pictures (light and dark) into docs/screenshots/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { SEED_ACCOUNT } from '../demo/scenario';
import { PAGE_TITLES, pageUrl, type PageKind } from '../lib/dashboard/pages';
import { showDateTime } from '../demo/pages';
import { exitUnlessChromium } from './chromium-path';
import { launchWithExtension, serveDemo } from './extension-browser';

const headed = process.argv.includes('--headed');
const docs = process.argv.includes('--docs');
const localeAt = process.argv.indexOf('--locale');
const locale = localeAt >= 0 ? process.argv[localeAt + 1] : undefined;
if (localeAt >= 0 && !(locale && Intl.DateTimeFormat.supportedLocalesOf([locale]).length)) {
  console.error(`--locale takes a locale Intl knows, like vi-VN or de-DE (got ${locale ?? 'nothing'}).`);
  process.exit(2);
}
if (headed && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('--headed needs a display (none is set: DISPLAY / WAYLAND_DISPLAY). Run `npm run demo` without it for screenshots, or under `xvfb-run`.');
  process.exit(2);
}
exitUnlessChromium();
const outDir = resolve('screenshots/demo');
mkdirSync(outDir, { recursive: true });

const browser = await launchWithExtension({ headed, lang: locale });
await serveDemo(browser.context, SEED_ACCOUNT, locale ? { locale } : {});
if (locale) console.log(`Dates shown in ${locale}, e.g. ${showDateTime('2026-11-03T13:02', locale)}; the browser's languages: ${JSON.stringify(await languagesOf(browser))}`);
const page = await browser.context.newPage();

async function panelText(p: Page, kind: PageKind): Promise<string> {
  // Wait for this page's panel to hold a report (or to say it could not read the page).
  const panel = p.locator('credit-lens-panel .cl-panel');
  // By the page it is on, not its title: the title is in the browser's language.
  await p.locator(`credit-lens-panel .cl-panel[data-page="${kind}"]`).waitFor({ timeout: 10_000 });
  await p.locator('credit-lens-panel .cl-headline, credit-lens-panel .cl-warn').first().waitFor({ timeout: 10_000 });
  await p.waitForFunction(() => !document.querySelector('credit-lens-panel')?.shadowRoot?.textContent?.includes('Reading this page'), null, { timeout: 10_000 });
  await p.waitForTimeout(300);
  const headline = await p.locator('credit-lens-panel .cl-headline').first().innerText().catch(() => '');
  const badges = await p.locator('credit-lens-badge').count();
  return `${headline || (await panel.innerText()).split('\n').slice(0, 3).join(' | ')} [${badges} row badges]`;
}

async function languagesOf(b: typeof browser): Promise<readonly string[]> {
  const p = await b.context.newPage();
  try {
    await p.goto(pageUrl('overview'));
    return await p.evaluate(() => navigator.languages);
  } finally {
    await p.close();
  }
}

const order: PageKind[] = ['credit-grants', 'billing-history', 'overview', 'usage'];
for (const kind of order) {
  if (kind === 'billing-history') {
    // Arrive by the site's own tab, without a reload, as a user would.
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Billing history' }).click();
    await page.waitForURL(pageUrl(kind));
  } else {
    await page.goto(pageUrl(kind));
  }
  console.log(`${PAGE_TITLES[kind]}: ${await panelText(page, kind)}`);
  await page.screenshot({ path: `${outDir}/${kind}.png`, fullPage: true });
}

// Back to the grants page, as a user would after the alert: now each grant shows its purchase.
await page.goto(pageUrl('credit-grants'));
console.log(`Credit grants, again: ${await panelText(page, 'credit-grants')}`);
const firstBadge = await page.locator('credit-lens-badge .badge-text').first().innerText();
console.log(`  first grant row: ${firstBadge.replace(/\n+/g, ' | ')}`);
await page.screenshot({ path: `${outDir}/credit-grants-explained.png`, fullPage: true });

const popup = await browser.context.newPage();
await popup.setViewportSize({ width: 420, height: 600 });
await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
await popup.locator('main').waitFor();
await popup.waitForTimeout(300);
console.log(`popup: ${(await popup.locator('main').innerText()).replace(/\n+/g, ' | ')}`);
await popup.screenshot({ path: `${outDir}/popup.png` });

// The same in dark mode: the panel, the badges and the popup follow the browser's color scheme.
await page.emulateMedia({ colorScheme: 'dark' });
await page.goto(pageUrl('billing-history'));
await panelText(page, 'billing-history');
await page.screenshot({ path: `${outDir}/billing-history-dark.png`, fullPage: true });
await page.goto(pageUrl('credit-grants'));
await panelText(page, 'credit-grants');
await page.screenshot({ path: `${outDir}/credit-grants-explained-dark.png`, fullPage: true });
await popup.emulateMedia({ colorScheme: 'dark' });
await popup.reload();
await popup.locator('main').waitFor();
await popup.waitForTimeout(300);
await popup.screenshot({ path: `${outDir}/popup-dark.png` });

console.log(`Screenshots: ${outDir}`);
if (docs) {
  // The README's pictures, from this build.
  const docsDir = resolve('docs/screenshots');
  mkdirSync(docsDir, { recursive: true });
  for (const name of ['credit-grants-explained', 'billing-history', 'popup']) {
    for (const suffix of ['', '-dark']) copyFileSync(`${outDir}/${name}${suffix}.png`, `${docsDir}/${name}${suffix}.png`);
  }
  console.log(`README pictures: ${docsDir}`);
}
if (headed) {
  console.log('The window stays open; close it to end the demo.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
} else {
  await browser.close();
}
