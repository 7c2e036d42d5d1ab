// Where to find a Chromium for the demo, the e2e tests and the benchmarks.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const INSTALL_HINT = 'sudo apt-get install -y chromium';

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  // Playwright's own browser cache, for machines that have one.
  const cache = join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache).filter((d) => d.startsWith('chromium-')).sort().reverse()) {
      for (const sub of ['chrome-linux64/chrome', 'chrome-linux/chrome']) {
        const exe = join(cache, dir, sub);
        if (existsSync(exe)) return exe;
      }
    }
  }
  return null;
}

export class NoChromium extends Error {
  constructor() {
    super(`No Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium, Playwright's cache). Install one: ${INSTALL_HINT}`);
  }
}

/** The Chromium to drive; throws NoChromium (with the install command) when there is none. */
export function requireChromium(): string {
  const path = findChromium();
  if (!path) throw new NoChromium();
  return path;
}

/** For scripts: stop with the install command instead of a stack trace. */
export function exitUnlessChromium(): void {
  try {
    requireChromium();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}

/** Flags that keep Chromium quiet on a machine with no network beyond the page we serve. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
