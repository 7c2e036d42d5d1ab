// Chromium with the built extension loaded, and the demo dashboard served at the real
// https://platform.openai.com URLs by request routing (so the manifest's match patterns are real).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { RenderOptions } from '../demo/pages';
import type { DemoAccount } from '../demo/scenario';
import { demoResponse } from '../demo/site';
import { CHROMIUM_ARGS, profileParent, requireChromium } from './chromium-path';

export const CHROME_BUILD = resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headed?: boolean;
  colorScheme?: 'light' | 'dark';
  /**
   * The browser's language, as a user's would be set (`vi`, `de`). On Linux `--lang` alone does not
   * change navigator.languages (measured: it stays ["en-US", "en"]); `--accept-lang` does, and
   * LANGUAGE is what Chromium reads there for its UI. Playwright's `locale` option is not used: it
   * emulates per page over CDP, which is not how a person's browser is set.
   */
  lang?: string;
}

/** Chromium's UI languages are mostly bare (de, vi): vi-VN would leave its UI, and so the extension's words, in English. */
const REGIONAL_UI = new Set(['en-GB', 'en-US', 'es-419', 'pt-BR', 'pt-PT', 'zh-CN', 'zh-TW']);
const uiLanguage = (lang: string) => (REGIONAL_UI.has(lang) ? lang : lang.split('-')[0]!);

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    throw new Error(`No extension build at ${CHROME_BUILD}: run \`npm run build\` first.`);
  }
  const executablePath = requireChromium();
  const profile = mkdtempSync(join(profileParent(executablePath), 'credit-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: !options.headed,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    ...(options.lang ? { env: { ...process.env, LANGUAGE: uiLanguage(options.lang).replace('-', '_') } } : {}),
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      ...(options.lang ? [`--lang=${uiLanguage(options.lang)}`, `--accept-lang=${options.lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serve the demo dashboard for every platform.openai.com request; refuse every other host. */
export async function serveDemo(context: BrowserContext, account: DemoAccount, options: RenderOptions = {}): Promise<string[]> {
  const foreign: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('https://platform.openai.com/')) {
      const r = demoResponse(url, account, options);
      await route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
    } else if (url.startsWith('chrome-extension://')) {
      await route.continue();
    } else {
      foreign.push(url);
      await route.abort();
    }
  });
  return foreign;
}
