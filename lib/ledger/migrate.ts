// Stored ledgers carry a version; each step upgrades one version to the next. A step is a small
// pure function with a golden example of the older shape in tests/fixtures/ledger-v*.json.
import { LEDGER_VERSION, LedgerV1Schema } from './schema';
import { toStored } from './stored';

type Step = (old: Record<string, unknown>) => Record<string, unknown>;

/** A step's input did not validate: the caller salvages what it can from that version. */
export class DamagedVersion extends Error {
  constructor(
    readonly version: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Record<number, Step> = {
  // 1 → 2: the expanded form becomes the compact one (tuples, shared times, no stored ids).
  1: (old) => {
    const v1 = LedgerV1Schema.safeParse(old);
    if (!v1.success) {
      const first = v1.error.issues[0];
      throw new DamagedVersion(1, first ? `${first.path.join('.') || 'the top level'}: ${first.message}` : 'invalid');
    }
    return toStored({ ...v1.data, version: LEDGER_VERSION });
  },
};

export type Migrated = { ok: true; value: unknown; from: number } | { ok: false; reason: string; damaged?: number };

export function migrate(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'it is not a ledger object' };
  let value = raw as Record<string, unknown>;
  const from = value.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: false, reason: 'it has no version number' };
  if (from > LEDGER_VERSION) return { ok: false, reason: `it is version ${from}, newer than this Credit Lens (${LEDGER_VERSION}): update the extension` };
  for (let v = from; v < LEDGER_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, reason: `no way to upgrade version ${v}` };
    try {
      value = step(value);
    } catch (e) {
      if (e instanceof DamagedVersion) return { ok: false, reason: e.message, damaged: e.version };
      throw e;
    }
  }
  return { ok: true, value, from };
}
