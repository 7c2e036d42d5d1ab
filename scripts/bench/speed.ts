// How fast is this shared machine right now? The same 2-core machine has run everything from 1×
// to 3.7× slower from one session to the next (every figure of the bench alike, our code or not),
// so a wall-clock budget judged alone fails by chance. Each section samples the yardstick
// (scripts/bench/yardstick.mjs, fixed code that is not ours) beside its own samples; timing
// budgets are set for the machine they were written on and are scaled by how much slower the
// machine is in the same run, never below 1 (a faster machine does not tighten them). The
// reference is the same for one process and for two at once: on the machine the budgets were
// written for, two busy processes each had a core.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './stats';

const yardstickFile = () => fileURLToPath(new URL('./yardstick.mjs', import.meta.url));

/**
 * The yardstick's median time on the machine the budgets were written for. Derived on 2026-12-07
 * by running commit 14d144c's engine beside the yardstick on slower days and scaling by how much
 * slower the engine ran than in its committed figures (bench-results/latest.md of 14d144c: parse
 * 133, read 130, merge 29, analyse 102 ms at 10k): four runs gave 200, 227, 274 and 330 ms. The
 * lowest is used: a budget scaled too far lets a step back through on a slow day, one scaled too
 * little fails CI by chance, and the second is the one CI must never do.
 */
export const REFERENCE_MS = 200;

/** One sample of the yardstick, in its own Node process: its in-process time in ms. */
export function yardstick(): number {
  const r = spawnSync(process.execPath, [yardstickFile()], { encoding: 'utf8' });
  const ms = Number(r.stdout.trim());
  if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`the bench's yardstick failed: ${r.stderr}`);
  return ms;
}

/**
 * One sample of the yardstick on both cores at once (two processes): the slower one's time. A
 * browser's visit keeps both cores busy (page, worker, browser), and on this shared machine two
 * busy processes have at times run half as fast as one.
 */
export async function yardstickPair(): Promise<number> {
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [yardstickFile()], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 && Number.isFinite(Number(out.trim())) ? resolve(Number(out.trim())) : reject(new Error(`the bench's yardstick failed (${code})`))));
    });
  return Math.max(...(await Promise.all([one(), one()])));
}

/**
 * How many times slower than the reference this machine ran in a section (≥ 1): by the median
 * sample, how the machine ran while the section did (its best sample is one lucky moment, and a
 * budget scaled by it fails whenever the section's own samples had no such moment).
 */
export function slowdown(samples: readonly number[]): number {
  return Math.max(1, median(samples) / REFERENCE_MS);
}
