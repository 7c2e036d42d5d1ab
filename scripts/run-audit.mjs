// `npm run audit` starts here. Loading scripts/audit.ts through tsx costs about half a second
// of the audit's one-second budget, so the CLI runs from one bundle that esbuild rebuilds only
// when one of its source files changed since the last build (the bundle's metafile lists them).
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'credit-lens');
const bundle = join(cache, 'audit.mjs');
const inputsFile = join(cache, 'audit-inputs.json');

function stale() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const built = statSync(bundle).mtimeMs;
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.some((file) => !existsSync(join(root, file)) || statSync(join(root, file)).mtimeMs > built);
  } catch {
    return true;
  }
}

if (stale()) {
  const { build } = await import('esbuild');
  mkdirSync(cache, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['scripts/audit.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Built aside and renamed into place: a run started meanwhile never loads half a file.
    outfile: `${bundle}.${process.pid}.tmp.mjs`,
    metafile: true,
    logLevel: 'error',
    // Bundled CommonJS dependencies may call require(): give the ES module one.
    banner: { js: "import { createRequire as __clCreateRequire } from 'node:module'; const require = __clCreateRequire(import.meta.url);" },
  });
  writeFileSync(inputsFile, JSON.stringify(['package-lock.json', ...Object.keys(result.metafile.inputs)]));
  renameSync(`${bundle}.${process.pid}.tmp.mjs`, bundle);
}
await import(pathToFileURL(bundle).href);
