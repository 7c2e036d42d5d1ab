// firefox-esr driven by puppeteer-core over WebDriver BiDi, with the built extension installed
// as a temporary add-on, and the demo dashboard served by request interception.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { RenderOptions } from '../demo/pages';
import type { DemoAccount } from '../demo/scenario';
import { demoResponse } from '../demo/site';

export const FIREFOX_BUILD = resolve('.output/firefox-mv3');
export const GECKO_ID = 'credit-lens@credit-lens.dev';
/** Pinned through a pref so the popup has a known moz-extension:// address. */
export const FIREFOX_UUID = '6c1d9c3e-2f0b-4a57-9d1e-7c3b1a2e4f60';

export function findFirefox(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p))) ?? null;
}

/** `lang`: the browser's language (`de`), as navigator.languages will say. */
export async function launchFirefox(executablePath: string, options: { lang?: string } = {}): Promise<Browser> {
  if (!existsSync(resolve(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run \`npm run build:firefox\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'network.dns.disableIPv6': true,
      ...(options.lang ? { 'intl.accept_languages': options.lang, 'intl.locale.requested': options.lang } : {}),
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return browser;
}

export async function serveDemoIn(page: Page, account: DemoAccount, options: RenderOptions = {}): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('https://platform.openai.com/')) {
      const r = demoResponse(url, account, options);
      void request.respond({ status: r.status, contentType: r.contentType, body: r.body });
    } else if (url.startsWith('moz-extension://') || url.startsWith('data:')) {
      void request.continue();
    } else {
      void request.abort();
    }
  });
}
