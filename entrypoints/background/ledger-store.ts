// The ledger in storage.local. The background is its only writer; writes are queued one after
// another (several tabs can send at once) and each change is a single storage call (the ledger
// and its undo entry together), so a worker stopped mid-way leaves the old or the new, never half.
//
// There is always a way out, whatever state storage is in:
// - A stored ledger that does not validate is salvaged row by row; its damaged copy is kept aside
//   compressed (a tenth of its size), so recovery needs no free space the size of the ledger. If
//   even that does not fit, nothing is overwritten: the recovered ledger is used read-only until
//   the user has downloaded the damaged copy and chosen to go on ("recovery-continue").
// - A ledger written by a newer version is kept untouched and read-only, with a message.
// - A write that storage refuses (full) drops the undo history first and tries again; if it still
//   fails, what was saved before is kept and the user is told.
// - Reading never throws: export, delete and the options page work in every one of these states.
import { storage } from 'wxt/utils/storage';
import type { Change } from '../../lib/ledger/journal';
import { loadLedger } from '../../lib/ledger/load';
import { emptyLedger, type Ledger } from '../../lib/ledger/schema';
import { toStored } from '../../lib/ledger/stored';
import type { Said, StorageProblem } from '../../lib/messages';
import { currentOrganizationItem, damagedCopiesItem, ledgerItem, problemItem } from '../../lib/storage-items';
import { wallClockNow } from '../../lib/wall-clock';
import { clearJournal, journalWrites, type ChangeMeta, type Write } from './journal-store';
import { pack, unpack } from './pack';

/** Damaged copies kept at most (newest last). */
const KEEP_DAMAGED = 3;

let queue: Promise<unknown> = Promise.resolve();

/** Run `task` after every task queued before it, whatever became of those. */
export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export interface LedgerState {
  ledger: Ledger;
  /** Why nothing is written now (newer version, recovery waiting for the user), or null. */
  readOnly: string | null;
  /** The same, as a code and values for the pages' words. */
  readOnlySaid?: Said;
  /** The stored value that could not be read and is kept untouched, when read-only. */
  untouched?: unknown;
  /** Why it is untouched: a newer version's data (exported as it is), or a damaged one waiting for the user. */
  untouchedBecause?: 'newer' | 'damaged';
}

// The background is the only writer, so the validated ledger can stay in memory between
// messages; a restarted worker starts empty and reads (and validates) storage again.
let cached: LedgerState | null = null;
// A problem that storage could not hold (or a failed write): told until solved.
let memoryProblem: StorageProblem | null = null;

async function safely<T>(task: () => Promise<T>): Promise<T | Error> {
  try {
    return await task();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Read and validate storage; never throws. */
export async function readState(): Promise<LedgerState> {
  if (cached) return cached;
  const raw = await safely(() => ledgerItem.getValue());
  if (raw instanceof Error) {
    // Storage cannot be read at all: work from memory, say so, write nothing over it.
    memoryProblem = { message: `Credit Lens could not read its storage (${raw.message}).`, said: { code: 'read-failed', data: { error: raw.message } }, backupKey: '', at: wallClockNow() };
    return (cached = { ledger: emptyLedger(), readOnly: 'The browser did not let Credit Lens read its storage; nothing is saved until it does.', readOnlySaid: { code: 'unreadable' } });
  }
  const loaded = loadLedger(raw);
  if (loaded.ok) return (cached = { ledger: loaded.ledger, readOnly: null });
  if (loaded.newer) {
    return (cached = {
      ledger: emptyLedger(),
      readOnly: `Your Credit Lens data was saved by a newer version of Credit Lens (data version ${loaded.newer}) and is kept as it is: update the extension to use it. You can export it or delete it from the options page; nothing new is saved until then.`,
      readOnlySaid: { code: 'newer', data: { version: String(loaded.newer) } },
      untouched: raw,
      untouchedBecause: 'newer',
    });
  }
  return (cached = await recover(raw, loaded));
}

async function recover(raw: unknown, loaded: Extract<ReturnType<typeof loadLedger>, { ok: false }>): Promise<LedgerState> {
  const at = wallClockNow();
  const { grants, invoices, dropped } = loaded.recovered;
  const what = `${grants} grants and ${invoices} invoices were recovered${dropped ? `, ${dropped} damaged rows could not be` : ''}`;
  const facts = { reason: loaded.reason, grants, invoices, dropped };
  const copy = await safely(async () => {
    const packed = await pack(JSON.stringify(raw) ?? 'null');
    await damagedCopiesItem.setValue([...(await damagedCopiesItem.getValue()), { at, reason: loaded.reason, packed }].slice(-KEEP_DAMAGED));
  });
  if (copy instanceof Error) {
    // Not even the compressed copy fits: overwrite nothing until the user has taken a copy.
    memoryProblem = {
      message: `${loaded.reason} Storage is too full to keep a copy of it, so it is kept as it is and nothing new is saved: download the damaged copy from the options page, then choose "Continue without it". ${what}.`,
      said: { code: 'recovered-no-room', data: facts },
      backupKey: ledgerItem.key,
      at,
    };
    return {
      ledger: loaded.ledger,
      readOnly: 'Credit Lens is waiting for you to download the damaged copy of its data (options page).',
      readOnlySaid: { code: 'waiting' },
      untouched: raw,
      untouchedBecause: 'damaged',
    };
  }
  const problem: StorageProblem = {
    message: `${loaded.reason} A compressed copy was kept aside (options page: "Download the damaged copy"); ${what}. Visit the billing pages again to fill in what is missing.`,
    said: { code: 'recovered', data: facts },
    backupKey: damagedCopiesItem.key,
    at,
  };
  await clearJournal().catch(() => undefined);
  const saved = await safely(() => storage.setItems([{ item: ledgerItem, value: toStored(loaded.ledger) }, { item: problemItem, value: problem }]));
  if (saved instanceof Error) {
    memoryProblem = { ...problem, message: `${problem.message} (It could not be saved yet: ${saved.message}.)`, said: { code: 'recovered', data: { ...facts, error: saved.message } } };
  }
  return { ledger: loaded.ledger, readOnly: null };
}

export async function readLedger(): Promise<Ledger> {
  return (await readState()).ledger;
}

/** A change to record in the undo history with the ledger it made. */
export interface Recorded {
  before: Ledger;
  change: Change;
  meta: ChangeMeta;
}

async function write(writes: Write[]): Promise<void> {
  const sets = writes.filter((w) => w.value !== undefined);
  const removes = writes.filter((w) => w.value === undefined).map((w) => w.key);
  if (sets.length) await storage.setItems(sets);
  if (removes.length) await storage.removeItems(removes).catch(() => undefined);
}

/**
 * Save `ledger` (and, with it, the undo entry or the new history): one storage call. When storage
 * refuses, the undo history is dropped and the ledger alone tried again; when that fails too,
 * storage keeps the last good ledger and the failure is told until a write succeeds.
 */
export async function commit(ledger: Ledger, history?: Recorded | { writes: Write[] }): Promise<void> {
  const state = await readState();
  if (state.readOnly) throw new Error(state.readOnly);
  const journal = history ? ('writes' in history ? history.writes : await safely(() => journalWrites(history.before, history.change, history.meta))) : [];
  const ledgerWrite: Write = { key: ledgerItem.key, value: toStored(ledger) };
  cached = { ledger, readOnly: null };
  const first = await safely(() => write([ledgerWrite, ...(journal instanceof Error ? [] : journal)]));
  if (!(first instanceof Error) && !(journal instanceof Error)) {
    memoryProblem = null;
    return;
  }
  // The undo history is expendable: without it, the ledger needs no more room than it takes.
  await clearJournal().catch(() => undefined);
  const second = first instanceof Error ? await safely(() => write([ledgerWrite])) : undefined;
  if (second instanceof Error) {
    cached = null; // Storage holds the last good ledger: read it again next time.
    memoryProblem = {
      message: `Credit Lens could not save what it last read (${second.message}); what was saved before is kept. If the browser's storage is full, export your data from the options page.`,
      said: { code: 'save-failed', data: { error: second.message } },
      backupKey: '',
      at: wallClockNow(),
    };
    throw second;
  }
  memoryProblem = null;
}

/** Delete everything Credit Lens keeps about billing: works whatever state storage is in. */
export async function deleteAll(): Promise<void> {
  await clearJournal().catch(() => undefined);
  await storage.removeItems([ledgerItem, damagedCopiesItem, problemItem, currentOrganizationItem]);
  cached = { ledger: emptyLedger(), readOnly: null };
  memoryProblem = null;
}

/** After the user downloaded the damaged copy: save the recovered ledger over it. */
export async function continueRecovery(): Promise<void> {
  const state = await readState();
  if (state.untouched === undefined || !memoryProblem?.backupKey) return;
  cached = { ledger: state.ledger, readOnly: null };
  memoryProblem = null;
  await clearJournal().catch(() => undefined);
  await commit(state.ledger);
  await problemItem
    .setValue({ message: 'The recovered data was saved; the damaged copy was not kept.', said: { code: 'recovery-saved' }, backupKey: '', at: wallClockNow() })
    .catch(() => undefined);
}

/** The damaged data as a file: the newest copy kept aside, or the value kept untouched in storage. */
export async function damagedCopyText(): Promise<string | null> {
  const state = await readState();
  if (state.untouched !== undefined) return `${JSON.stringify(state.untouched)}\n`;
  const copies = await damagedCopiesItem.getValue().catch(() => []);
  const last = copies[copies.length - 1];
  return last ? `${await unpack(last.packed)}\n` : null;
}

export async function hasDamagedCopy(): Promise<boolean> {
  const state = await readState();
  if (state.untouched !== undefined && memoryProblem?.backupKey) return true;
  return (await damagedCopiesItem.getValue().catch(() => [])).length > 0;
}

/** Forget the in-memory copy (tests that change storage behind the worker's back). */
export function forgetCachedLedger(): void {
  cached = null;
  memoryProblem = null;
}

export async function readProblem(): Promise<StorageProblem | null> {
  if (memoryProblem) return memoryProblem;
  const p = await problemItem.getValue().catch(() => null);
  return p && typeof p.message === 'string' ? p : null;
}

export async function dismissProblem(): Promise<void> {
  if (memoryProblem && !memoryProblem.backupKey) memoryProblem = null;
  await problemItem.removeValue().catch(() => undefined);
}
