// Everything Credit Lens keeps in the browser, as WXT storage items: one place names each key,
// its type and its fallback. The background is the only writer of the ledger and its companions;
// the popup watches the ledger item to stay current; the content script keeps its panel state.
// Values are validated where they are used (the ledger by lib/ledger/load.ts, settings by zod).
import { storage } from 'wxt/utils/storage';
import type { StorageProblem } from './messages';

/** The stored ledger (lib/ledger/stored.ts), as it is in storage: unknown until loaded. */
export const ledgerItem = storage.defineItem<unknown>('local:ledger');
/** Analysis settings (lib/analysis/settings.ts). */
export const settingsItem = storage.defineItem<unknown>('local:settings');
/** The organization shown when none is asked for: the one read last. */
export const currentOrganizationItem = storage.defineItem<string | null>('local:currentOrganization', { fallback: null });
/** The injected panel collapsed or open. */
export const panelCollapsedItem = storage.defineItem<boolean>('local:panelCollapsed', { fallback: false });
/** The notes last answered for each page's rows (entrypoints/background/row-memory.ts): this session only. */
export const rowMemoryItem = storage.defineItem<unknown>('session:rowNotes', { fallback: null });
/** A problem with the stored ledger, shown until dismissed. */
export const problemItem = storage.defineItem<StorageProblem | null>('local:ledgerProblem', { fallback: null });

/** Copies of stored ledgers that did not validate, gzip-compressed (entrypoints/background/pack.ts), newest last. */
export interface DamagedCopy {
  at: string;
  reason: string;
  /** base64 of the gzip of the JSON text. */
  packed: string;
}
export const damagedCopiesItem = storage.defineItem<DamagedCopy[]>('local:ledgerDamaged', { fallback: [] });

/** The undo history (entrypoints/background/journal-store.ts): its index, base and entries. */
export interface JournalIndex {
  baseAt: string;
  entries: { id: string; kind: 'read' | 'import' | 'assign' | 'discard' | 'forget'; label: string; at: string; org: string | null; page: string | null; bytes: number; hidden?: JournalIndex['entries'] }[];
}
export const journalItem = storage.defineItem<JournalIndex | null>('local:journal', { fallback: null });
export const journalBaseItem = storage.defineItem<string | null>('local:journalBase', { fallback: null });
export const journalEntryItem = (id: string) => storage.defineItem<string | null>(`local:journal.${id}`, { fallback: null });
