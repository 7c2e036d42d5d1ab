// `npm run audit` as a user runs it: the wall time of the real command on saved pages, from
// spawning node to its exit (the bundle is built once before the samples).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAccount } from '../../demo/generate';
import { savedPage } from '../../demo/site';
import { yardstick } from './speed';

function wall(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.toString()}`);
  return t;
}

export interface CliTimes {
  audit: number[];
  /** Node starting and exiting with nothing to do: the floor of any command. */
  node: number[];
  /** The yardstick, sampled before each run of the command (scripts/bench/speed.ts). */
  yardstick: number[];
  bytes: number;
}

export function measureCli(n: number, runs: number): CliTimes {
  const dir = mkdtempSync(join(tmpdir(), 'credit-lens-bench-'));
  try {
    const account = generateAccount(n, 11, { promoRate: 0, refundRate: 0 });
    const files = [join(dir, 'grants.html'), join(dir, 'history.html')];
    const pages = [savedPage('credit-grants', account), savedPage('billing-history', account)];
    pages.forEach((html, i) => writeFileSync(files[i]!, html));
    const args = ['scripts/run-audit.mjs', '--json', '--today', '2026-11-27', ...files];
    wall(args); // builds the bundle when its sources changed
    const audit: number[] = [];
    const yard: number[] = [];
    // Alternated, so both see the same moments of a busy machine.
    for (let i = 0; i < runs; i++) {
      yard.push(yardstick());
      audit.push(wall(args));
    }
    const node = Array.from({ length: runs }, () => wall(['-e', '0']));
    return { audit, node, yardstick: yard, bytes: pages.reduce((s, p) => s + p.length, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
