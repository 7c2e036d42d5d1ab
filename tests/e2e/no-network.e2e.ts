// The extension makes no request of its own: during a full session every request goes to the
// page's own origin or to the extension's own files, and the shipped code contacts no host.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { pageUrl, PAGE_KINDS } from '../../lib/dashboard/pages';
import { CHROME_BUILD, launchWithExtension, serveDemo, type ExtensionBrowser } from '../../scripts/extension-browser';

// Lets Playwright report the extension service worker's own requests too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
let browser: ExtensionBrowser;
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  browser.context.on('request', (r) => requests.push(r.url()));
  await serveDemo(browser.context, SEED_ACCOUNT);
});
afterAll(async () => browser?.close());

describe('no network of its own', () => {
  it('every request of a full session is to the page or to the extension itself', async () => {
    const page = await browser.context.newPage();
    for (const kind of [...PAGE_KINDS, 'credit-grants' as const]) {
      await page.goto(pageUrl(kind));
      await page.locator('credit-lens-panel .cl-title').waitFor();
      await page.waitForTimeout(700);
    }
    for (const ui of ['popup.html', 'options.html']) {
      const p = await browser.context.newPage();
      await p.goto(`chrome-extension://${browser.extensionId}/${ui}`);
      await p.locator('h1').waitFor();
      await p.close();
    }
    // The extension's own files, including web-accessible ones served under a dynamic id.
    const ownFile = (u: string) => u.startsWith('chrome-extension://') && existsSync(join(CHROME_BUILD, new URL(u).pathname));
    const own = (u: string) => u.startsWith('https://platform.openai.com/') || ownFile(u);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !own(u))).toEqual([]);
  });

  it('the shipped code names no host it could contact, and fetches only its own files', () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
    })(CHROME_BUILD).filter((f) => f.endsWith('.js'));
    // Identifiers and documentation links, never fetched; the one site we read; and OpenAI's help
    // centre, named as text in the support request (where to send it).
    const allowed = [
      /^http:\/\/www\.w3\.org\//,
      /^https?:\/\/json-schema\.org\//,
      /^https:\/\/(github\.com|wxt\.dev|developer\.mozilla\.org)\//,
      /^https:\/\/platform\.openai\.com\/?$/,
      /^https:\/\/help\.openai\.com\/?$/,
    ];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const url of code.match(/https?:\/\/[a-zA-Z0-9./_-]+/g) ?? []) {
        expect(allowed.some((a) => a.test(url)), `${file}: ${url}`).toBe(true);
      }
      expect(code, file).not.toMatch(/\b(XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts)\b/);
      // fetch: WXT's loader of the panel's own stylesheet (runtime.getURL) and Vite's preload of
      // extension pages' own modules; nothing else.
      const calls = code.match(/.{0,160}\bfetch\(.{0,40}/g) ?? [];
      for (const call of calls) expect(/getURL|\.href,|r\.url\)|"url"in/.test(call), `${file}: ${call}`).toBe(true);
    }
  });
});
