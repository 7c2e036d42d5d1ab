// npm run package:check — build the store packages and check them: each zip holds a manifest at
// its root and no source maps; the sources zip AMO asks for holds what a reviewer needs to build;
// `web-ext lint` reports no errors on the Firefox build.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Entry names of a zip, from its central directory (no dependency needed for a listing). */
export function zipEntries(file: string): string[] {
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file}: not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: damaged central directory`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

const problems: string[] = [];
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

run('npm', ['run', '--silent', 'zip']);
run('npm', ['run', '--silent', 'zip:firefox']);
const zips = readdirSync('.output').filter((f) => f.endsWith('.zip'));
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const expected = [`credit-lens-${version}-chrome-mv3.zip`, `credit-lens-${version}-firefox-mv3.zip`, `credit-lens-${version}-sources.zip`];
for (const name of expected) if (!zips.includes(name)) problems.push(`missing ${name}`);

for (const name of expected.slice(0, 2).filter((n) => zips.includes(n))) {
  const entries = zipEntries(join('.output', name));
  if (!entries.includes('manifest.json')) problems.push(`${name}: no manifest.json at the root`);
  const maps = entries.filter((e) => e.endsWith('.map'));
  if (maps.length) problems.push(`${name}: ships source maps (${maps.join(', ')})`);
  const manifest = JSON.parse(readFileSync(join('.output', name.includes('firefox') ? 'firefox-mv3' : 'chrome-mv3', 'manifest.json'), 'utf8')) as Record<string, unknown>;
  if (JSON.stringify(manifest.permissions) !== '["storage"]' || JSON.stringify(manifest.host_permissions) !== '["https://platform.openai.com/*"]') {
    problems.push(`${name}: asks for more than storage and the one host`);
  }
  console.log(`${name}: ${entries.length} files`);
}
const sources = expected[2]!;
if (zips.includes(sources)) {
  const entries = zipEntries(join('.output', sources));
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'PRIVACY.md', 'entrypoints/billing.content/index.tsx', 'lib/dashboard/pages/index.ts']) {
    if (!entries.includes(needed)) problems.push(`${sources}: missing ${needed}`);
  }
  const stray = entries.filter((e) => /^(node_modules|\.output|screenshots|\.wxt)\//.test(e));
  if (stray.length) problems.push(`${sources}: holds build output or dependencies (${stray.slice(0, 3).join(', ')}…)`);
  console.log(`${sources}: ${entries.length} files`);
}

const lint = JSON.parse(run('npx', ['web-ext', 'lint', '-s', '.output/firefox-mv3', '--output=json'])) as {
  summary: { errors: number; warnings: number };
  errors: { code: string; message: string }[];
  warnings: { code: string; file?: string }[];
};
console.log(`web-ext lint: ${lint.summary.errors} errors, ${lint.summary.warnings} warnings (${lint.warnings.map((w) => `${w.code} in ${w.file}`).join('; ') || 'none'})`);
for (const e of lint.errors) problems.push(`web-ext lint: ${e.code}: ${e.message}`);

if (problems.length) {
  console.error(`Package check failed:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('Packages OK.');
