// The undo history in storage (lib/ledger/journal.ts has the idea): a compressed base, one
// compressed entry per change, and an index. Entries are written in the same storage call as
// the ledger they produced (ledger-store.ts), so the two cannot disagree. The history is bounded:
// beyond its size the oldest changes are folded into the base and can no longer be undone. It is
// expendable: when storage is full it goes first, and deleting data clears it.
import { applyChange, rebuild, type Change } from '../../lib/ledger/journal';
import { loadLedger } from '../../lib/ledger/load';
import type { Ledger } from '../../lib/ledger/schema';
import { toStored } from '../../lib/ledger/stored';
import type { UndoView } from '../../lib/messages';
import { journalBaseItem, journalEntryItem, journalItem, type JournalIndex } from '../../lib/storage-items';
import { wallClockNow } from '../../lib/wall-clock';
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { pack, unpack } from './pack';

type Entry = JournalIndex['entries'][number];
export type ChangeMeta = Pick<Entry, 'kind' | 'label' | 'org' | 'page'>;
/** A storage write; `value: undefined` removes the key. */
export type Write = { key: StorageItemKey; value: unknown };

/** At most this many changes, or this many packed bytes, before the oldest are folded into the base. */
const MAX_ENTRIES = 60;
const MAX_BYTES = 1_500_000;
const FOLD = 20;

let counter = 0;
const newId = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

async function packLedger(ledger: Ledger): Promise<string> {
  return pack(JSON.stringify(toStored(ledger)));
}
async function unpackLedger(packed: string): Promise<Ledger> {
  const loaded = loadLedger(JSON.parse(await unpack(packed)));
  if (!loaded.ok) throw new Error('the undo history is damaged');
  return loaded.ledger;
}
async function readChange(id: string): Promise<Change> {
  const packed = await journalEntryItem(id).getValue();
  if (!packed) throw new Error('the undo history is incomplete');
  const { add, removeHeld } = JSON.parse(await unpack(packed)) as { add: unknown; removeHeld: string[] };
  const loaded = loadLedger(add);
  if (!loaded.ok) throw new Error('the undo history is damaged');
  return { add: loaded.ledger, removeHeld };
}

/**
 * The storage writes that record `change` (made to `before`): its entry and the index, and the
 * base when the history starts. The caller writes them with the new ledger, in one call.
 */
export async function journalWrites(before: Ledger, change: Change, meta: ChangeMeta): Promise<Write[]> {
  let index = await journalItem.getValue();
  const writes: Write[] = [];
  if (!index) {
    index = { baseAt: wallClockNow(), entries: [] };
    writes.push({ key: journalBaseItem.key, value: await packLedger(before) });
  }
  const id = newId();
  const packed = await pack(JSON.stringify({ add: toStored(change.add), removeHeld: change.removeHeld }));
  writes.push({ key: journalEntryItem(id).key, value: packed });
  let entries: Entry[] = [...index.entries, { id, ...meta, at: wallClockNow(), bytes: packed.length }];
  const bytes = (list: Entry[]) => list.reduce((n, e) => n + e.bytes + (e.hidden ?? []).reduce((m, h) => m + h.bytes, 0), 0);
  if (entries.length > MAX_ENTRIES || bytes(entries) > MAX_BYTES) {
    // Fold the oldest changes into the base (the new one is not stored yet: it is the last).
    const folded = entries.slice(0, Math.min(FOLD, entries.length - 1));
    let base = await unpackLedger((await journalBaseItem.getValue()) ?? (await packLedger(before)));
    // A forget folded away takes the reads it hid with it: they are not applied.
    for (const e of folded) if (e.kind !== 'forget') base = applyChange(base, await readChange(e.id));
    writes.push({ key: journalBaseItem.key, value: await packLedger(base) });
    for (const e of folded) for (const x of [e, ...(e.hidden ?? [])]) writes.push({ key: journalEntryItem(x.id).key, value: undefined });
    entries = entries.slice(folded.length);
    index = { ...index, baseAt: folded[folded.length - 1]?.at ?? index.baseAt };
  }
  writes.push({ key: journalItem.key, value: { ...index, entries } satisfies JournalIndex });
  return writes;
}

/** Forget the whole history (data deleted, storage full, a ledger recovered). */
export async function clearJournal(): Promise<void> {
  const index = await journalItem.getValue();
  const entries = (index?.entries ?? []).flatMap((e) => [e, ...(e.hidden ?? [])]).map((e) => journalEntryItem(e.id));
  await storage.removeItems([journalItem, journalBaseItem, ...entries]);
}

/** The ledger again from the history, with `index` as the history. */
async function rebuildFrom(index: JournalIndex): Promise<Ledger> {
  const packed = await journalBaseItem.getValue();
  if (!packed) throw new Error('the undo history has no beginning');
  const changes: Change[] = [];
  for (const e of index.entries) if (e.kind !== 'forget') changes.push(await readChange(e.id));
  return rebuild(await unpackLedger(packed), changes);
}

export type Rebuilt = { ledger: Ledger; index: JournalIndex } | { error: string };

/** The ledger without change `id` (a forget brings back the reads it hid). */
export async function withoutChange(id: string): Promise<Rebuilt> {
  const index = await journalItem.getValue();
  const at = index?.entries.findIndex((e) => e.id === id) ?? -1;
  if (!index || at < 0) return { error: 'That change can no longer be undone: it is older than the undo history.' };
  const entry = index.entries[at]!;
  const entries = [...index.entries.slice(0, at), ...(entry.hidden ?? []), ...index.entries.slice(at + 1)];
  const next = { ...index, entries };
  try {
    return { ledger: await rebuildFrom(next), index: next };
  } catch (e) {
    return { error: `Undo is not possible: ${e instanceof Error ? e.message : String(e)}.` };
  }
}

/** The ledger without what `page` read into `org` since the history began; the reads are kept for undo. */
export async function withoutReads(org: string, page: string, label: string): Promise<Rebuilt> {
  const index = await journalItem.getValue();
  const hidden = index?.entries.filter((e) => e.kind === 'read' && e.org === org && e.page === page) ?? [];
  if (!index || hidden.length === 0) return { error: 'Nothing this page read is in the undo history any more.' };
  const forget: Entry = { id: newId(), kind: 'forget', label, at: wallClockNow(), org, page, bytes: 0, hidden };
  const next = { ...index, entries: [...index.entries.filter((e) => !hidden.includes(e)), forget] };
  try {
    return { ledger: await rebuildFrom(next), index: next };
  } catch (e) {
    return { error: `Forgetting is not possible: ${e instanceof Error ? e.message : String(e)}.` };
  }
}

/** The writes that make `after` the history: its index, and removing the entries it no longer has. */
export function historyWrites(before: JournalIndex | null, after: JournalIndex): Write[] {
  const kept = new Set(after.entries.flatMap((e) => [e, ...(e.hidden ?? [])]).map((e) => e.id));
  const dropped = (before?.entries ?? [])
    .flatMap((e) => [e, ...(e.hidden ?? [])])
    .filter((e) => !kept.has(e.id))
    .map((e): Write => ({ key: journalEntryItem(e.id).key, value: undefined }));
  return [{ key: journalItem.key, value: after }, ...dropped];
}

export async function currentIndex(): Promise<JournalIndex | null> {
  return journalItem.getValue();
}

/** The last changes a person can undo (page reads are too many to list: "forget" covers them). */
export function undoable(index: JournalIndex | null): UndoView[] {
  return (index?.entries ?? [])
    .filter((e) => e.kind !== 'read')
    .slice(-5)
    .reverse()
    .map((e) => ({ id: e.id, label: e.label, at: e.at, kind: e.kind, page: e.page ?? null, org: e.org ?? null }));
}

/** The pages of `org` whose reads are in the history. */
export function forgettable(index: JournalIndex | null, org: string | null): string[] {
  return [...new Set((index?.entries ?? []).filter((e) => e.kind === 'read' && e.org === org && e.page).map((e) => e.page!))];
}
