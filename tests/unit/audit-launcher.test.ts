// @vitest-environment node
// `npm run audit` runs the CLI from a bundle (scripts/run-audit.mjs): it must answer exactly as
// the CLI run from its sources does, streams and exit codes included, and rebuild when a source
// changes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';

const run = (argv: string[]) => {
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('the audit launcher', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'credit-lens-launcher-'));
  const files = (['credit-grants', 'billing-history', 'overview'] as const).map((kind) => {
    const file = join(dir, `${kind}.html`);
    writeFileSync(file, savedPage(kind, SEED_ACCOUNT));
    return file;
  });

  it.each([
    ['a report', ['--json', '--today', '2026-11-27', ...files]],
    ['the readable report', ['--today', '2026-11-27', ...files]],
    ['a usage error', ['--threshold', 'lots', ...files]],
    ['a missing file', [join(dir, 'nope.html')]],
  ])('gives %s exactly as the sources do', (_what, args) => {
    const bundled = run(['scripts/run-audit.mjs', ...args]);
    const direct = run(['--import', 'tsx', 'scripts/audit.ts', ...args]);
    expect(bundled).toEqual(direct);
  });
});
