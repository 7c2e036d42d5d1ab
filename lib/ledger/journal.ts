// The undo history as pure functions. Every change to the ledger is a join with a small ledger
// (what a page read, an import, an assignment), sometimes with held reads taken away (assigned or
// discarded). The history keeps a base (the ledger when it began) and each change since; the
// ledger is always base + changes. Undoing a change, or forgetting what a page read, is building
// the ledger again without it: exact, because joins are order-independent and idempotent.
import { joinLedgers, settleHeld } from './merge';
import type { Ledger } from './schema';

export interface Change {
  /** Joined into the ledger. */
  add: Ledger;
  /** Held reads taken out of the holding area (assigned or discarded). */
  removeHeld: string[];
}

export function applyChange(ledger: Ledger, change: Change): Ledger {
  const joined = settleHeld(joinLedgers(ledger, change.add));
  if (!change.removeHeld.length) return joined;
  const gone = new Set(change.removeHeld);
  return { ...joined, held: joined.held.filter((h) => !gone.has(h.id)) };
}

export function rebuild(base: Ledger, changes: readonly Change[]): Ledger {
  return changes.reduce(applyChange, base);
}
