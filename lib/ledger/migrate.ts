// Stored ledgers carry a version; each step upgrades one version to the next. A step is a small
// pure function with a golden example of the older shape in tests/fixtures/ledger-v*.json. Steps
// read row by row and count what they leave out (legacy.ts), so damage costs only damaged rows.
// A ledger from a newer version is never upgraded, downgraded or replaced: the caller keeps it.
import { stepV1, stepV2, type Step } from './legacy';
import { LEDGER_VERSION } from './schema';

/** MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Step> = {
  // 1 → 2: the expanded form becomes the compact one (tuples, shared times, no stored ids).
  1: stepV1,
  // 2 → 3: expiry leaves a grant's identity; organizations keep their clues; unnamed ones are held.
  2: stepV2,
};

export type Migrated =
  | { ok: true; value: Record<string, unknown>; from: number; dropped: number }
  | { ok: false; reason: string; newer?: number };

export function migrate(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'it is not a ledger object' };
  let value = raw as Record<string, unknown>;
  const from = value.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: false, reason: 'it has no version number' };
  if (from > LEDGER_VERSION) return { ok: false, reason: `it is version ${from}, newer than this Credit Lens (${LEDGER_VERSION}): update the extension`, newer: from };
  let dropped = 0;
  for (let v = from; v < LEDGER_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, reason: `no way to upgrade version ${v}` };
    const next = step(value);
    value = next.value;
    dropped += next.dropped;
  }
  return { ok: true, value, from, dropped };
}
