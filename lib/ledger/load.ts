// Reading a ledger from storage or a file: migrate, validate, and when it does not validate,
// recover what can be recovered instead of throwing it all away. A ledger written by a newer
// version is not read at all (the caller keeps it untouched).
import { joinHeldReads } from './merge';
import { migrate } from './migrate';
import { emptyLedger, type Ledger } from './schema';
import { fromStored, StoredLedgerSchema } from './stored';

export type Loaded =
  | { ok: true; ledger: Ledger }
  | {
      ok: false;
      ledger: Ledger;
      reason: string;
      recovered: { grants: number; invoices: number; dropped: number };
      /** Set when the ledger was written by a newer version (it was not read). */
      newer?: number;
    };

function counts(l: Ledger): { grants: number; invoices: number } {
  const orgs = [...Object.values(l.organizations), ...l.held.map((h) => h.org)];
  return { grants: orgs.reduce((n, o) => n + o.grants.length, 0), invoices: orgs.reduce((n, o) => n + o.invoices.length, 0) };
}

function damaged(ledger: Ledger, detail: string, dropped: number): Loaded {
  return { ok: false, ledger, reason: `The stored ledger is damaged (${detail}).`, recovered: { ...counts(ledger), dropped } };
}

export function loadLedger(raw: unknown): Loaded {
  if (raw === undefined || raw === null) return { ok: true, ledger: emptyLedger() };
  const migrated = migrate(raw);
  if (!migrated.ok) {
    const reason = `The stored ledger could not be read: ${migrated.reason}.`;
    return { ok: false, ledger: emptyLedger(), reason, recovered: { grants: 0, invoices: 0, dropped: 0 }, ...(migrated.newer ? { newer: migrated.newer } : {}) };
  }
  const value = { held: [], ...migrated.value };
  const outline = StoredLedgerSchema.safeParse(value);
  if (!outline.success) {
    const where = outline.error.issues[0]?.path.join('.') || 'the top level';
    return damaged(emptyLedger(), `at ${where}`, 0);
  }
  const { ledger, dropped } = fromStored(outline.data);
  ledger.held = joinHeldReads([], ledger.held);
  const total = dropped + migrated.dropped;
  return total ? damaged(ledger, `${total} rows did not validate`, total) : { ok: true, ledger };
}
