// Stored ledgers carry a version; each step upgrades one version to the next. A step is a small
// pure function with a golden example of the older shape in tests/fixtures/ledger-v*.json.
import { LEDGER_VERSION } from './schema';

type Step = (old: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n + 1. Version 1 is the first: no steps yet. */
export const MIGRATIONS: Record<number, Step> = {};

export type Migrated = { ok: true; value: unknown; from: number } | { ok: false; reason: string };

export function migrate(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'it is not a ledger object' };
  let value = raw as Record<string, unknown>;
  const from = value.version;
  if (typeof from !== 'number' || !Number.isInteger(from)) return { ok: false, reason: 'it has no version number' };
  if (from > LEDGER_VERSION) return { ok: false, reason: `it is version ${from}, newer than this Credit Lens (${LEDGER_VERSION}): update the extension` };
  for (let v = from; v < LEDGER_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, reason: `no way to upgrade version ${v}` };
    value = step(value);
  }
  return { ok: true, value, from };
}
