// The ledger in storage.local. The background is its only writer; writes are queued one after
// another (several tabs can send at once) and each change is a single set() of the whole
// ledger, so a worker stopped mid-way leaves either the old or the new ledger, never half.
// The version lives inside the value (lib/ledger/migrate.ts), so exports carry it too.
import { storage } from 'wxt/utils/storage';
import { loadLedger } from '../../lib/ledger/load';
import type { Ledger } from '../../lib/ledger/schema';
import { toStored } from '../../lib/ledger/stored';
import type { StorageProblem } from '../../lib/messages';
import { wallClockNow } from '../../lib/wall-clock';

const LEDGER_KEY = 'local:ledger';
const PROBLEM_KEY = 'local:ledgerProblem';

let queue: Promise<unknown> = Promise.resolve();
// The background is the only writer, so the validated ledger can stay in memory between
// messages; a restarted worker starts empty and reads (and validates) storage again.
let cached: Ledger | null = null;

/** Run `task` after every task queued before it, whatever became of those. */
export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Read and validate; a value that does not validate is kept under a backup key and salvaged. */
export async function readLedger(): Promise<Ledger> {
  if (cached) return cached;
  const raw = await storage.getItem<unknown>(LEDGER_KEY);
  const loaded = loadLedger(raw);
  if (loaded.ok) return (cached = loaded.ledger);
  const at = wallClockNow();
  const backupKey = `local:ledgerBackup:${at}` as const;
  await storage.setItem(backupKey, raw);
  const { grants, invoices, dropped } = loaded.recovered;
  const problem: StorageProblem = {
    message: `${loaded.reason} A copy was kept aside; ${grants} grants and ${invoices} invoices were recovered${dropped ? `, ${dropped} damaged rows could not be` : ''}. Visit the billing pages again to fill in what is missing.`,
    backupKey,
    at,
  };
  await storage.setItem(PROBLEM_KEY, problem);
  await storage.setItem(LEDGER_KEY, toStored(loaded.ledger));
  return (cached = loaded.ledger);
}

// A failed write is told to the user (panel, popup) until a write succeeds again.
let writeFailure: StorageProblem | null = null;

export async function writeLedger(ledger: Ledger): Promise<void> {
  cached = ledger;
  try {
    await storage.setItem(LEDGER_KEY, toStored(ledger));
    writeFailure = null;
  } catch (error) {
    cached = null; // Storage holds the last good ledger: read it again next time.
    writeFailure = {
      message: `Credit Lens could not save what it last read (${String(error)}); what was saved before is kept. If the browser's storage is full, export your data from the options page.`,
      backupKey: '',
      at: wallClockNow(),
    };
    throw error;
  }
}

/** Forget the in-memory copy (tests that change storage behind the worker's back). */
export function forgetCachedLedger(): void {
  cached = null;
}

export async function readProblem(): Promise<StorageProblem | null> {
  if (writeFailure) return writeFailure;
  const p = await storage.getItem<StorageProblem>(PROBLEM_KEY);
  return p && typeof p.message === 'string' ? p : null;
}

export async function dismissProblem(): Promise<void> {
  await storage.removeItem(PROBLEM_KEY);
}
