// Where to find a Chromium for the demo, the e2e tests and the benchmarks.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const INSTALL_HINT = 'sudo apt-get install -y chromium';

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  // Debian's package; Ubuntu's chromium-browser (a wrapper that starts the snap), the snap itself.
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']) {
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
    super(`No Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /snap/bin/chromium, Playwright's cache). Install one: ${INSTALL_HINT}`);
  }
}

/** The Chromium to drive; throws NoChromium (with the install command) when there is none. */
export function requireChromium(): string {
  const path = findChromium();
  if (!path) throw new NoChromium();
  return path;
}

/**
 * Where a fresh profile can go. A snap Chromium (Ubuntu's) has a /tmp of its own and cannot open
 * a profile in ours: it gets one in its snap's common directory under the home folder.
 */
export function profileParent(chromium: string): string {
  let snap = chromium.startsWith('/snap/');
  if (!snap && chromium === '/usr/bin/chromium-browser') {
    try {
      snap = readFileSync(chromium, 'latin1').slice(0, 2000).includes('/snap/');
    } catch {
      snap = false;
    }
  }
  if (!snap) return tmpdir();
  const dir = join(homedir(), 'snap', 'chromium', 'common');
  mkdirSync(dir, { recursive: true });
  return dir;
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
