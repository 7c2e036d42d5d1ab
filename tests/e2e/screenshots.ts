import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** e2e screenshots go here (ignored by git): look at them after a run. */
export function screenshotPath(name: string): `${string}.png` {
  const dir = resolve('screenshots/e2e');
  mkdirSync(dir, { recursive: true });
  return `${dir}/${name}.png`;
}
