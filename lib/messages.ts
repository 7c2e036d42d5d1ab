// The one message protocol between the pages (content script, popup, options) and the background
// worker: a map from each message type to what it carries and what it answers (as read-frog's
// defineExtensionMessaging does). Senders get the answer type from the map (components/ask.ts),
// never by choosing it; the background validates every message with MessageSchema and its
// handlers are typed by the same map (entrypoints/background/handle-message.ts).
import { z } from 'zod';
import { SettingsChangeSchema, type Settings } from './analysis/settings';
import { PAGE_KINDS, type PageKind } from './dashboard/pages/kinds';
import type { Report } from './report-schema';
import type { RowNote, RowNotes } from './row-notes';
import { SnapshotSchema } from './snapshot-schema';
import type { ImportPreview } from './ledger/transfer';

const orgKey = z.string().max(200);
const id = z.string().min(1).max(400);
/** Text of an import: a little over the limit, so the background can say the file is too large. */
export const IMPORT_TEXT_MAX = 11 * 1024 * 1024;

export const MessageSchema = z.discriminatedUnion('type', [
  /** A page read: answered with a note per row (the report follows on 'report'). */
  z.object({ type: z.literal('snapshot'), snapshot: SnapshotSchema }),
  /** At the start of a visit, before its table arrives: what its rows were last answered with. */
  z.object({ type: z.literal('rows'), page: z.enum(PAGE_KINDS) }),
  /** The report a snapshot's answer was made from: of an organization, or of a held read. */
  z.object({ type: z.literal('report'), organization: orgKey.nullable(), held: id.nullable() }),
  /** The popup's and panel's view: one organization's report (default: the current one; with `attention`, the one that needs it). */
  z.object({ type: z.literal('status'), organization: orgKey.optional(), attention: z.boolean().optional() }),
  z.object({ type: z.literal('export') }),
  /** The damaged copy kept aside when the stored ledger did not validate, as a file. */
  z.object({ type: z.literal('export-damaged') }),
  /** Read and check a file; answer what it would add, without changing anything. */
  z.object({ type: z.literal('import-preview'), text: z.string().max(IMPORT_TEXT_MAX) }),
  z.object({ type: z.literal('import-confirm'), token: id }),
  z.object({ type: z.literal('import-cancel'), token: id }),
  z.object({ type: z.literal('delete'), organization: orgKey.optional() }),
  z.object({ type: z.literal('settings'), settings: SettingsChangeSchema.optional() }),
  /** A charge the user says was right (bought by hand, or under settings changed since), or not after all. */
  z.object({ type: z.literal('clear-charge'), invoice: z.string().min(1).max(200), cleared: z.boolean() }),
  z.object({ type: z.literal('dismiss-problem') }),
  /** Give held reads to an organization (or a new one called `name`). */
  z.object({ type: z.literal('assign'), held: id, organization: orgKey.nullable(), name: z.string().trim().min(1).max(100).optional() }),
  z.object({ type: z.literal('discard'), held: id }),
  /** Forget what a page read into an organization (its reads since the undo history began). */
  z.object({ type: z.literal('forget'), organization: orgKey, page: z.enum(PAGE_KINDS) }),
  z.object({ type: z.literal('undo'), id }),
  /** Storage was too full to keep the damaged copy: after it was downloaded, save the recovered ledger over it. */
  z.object({ type: z.literal('recovery-continue') }),
  /** The injected panel's state (collapsed or open), kept by the background with the rest. */
  z.object({ type: z.literal('panel'), collapsed: z.boolean().optional() }),
]);
export type Message = z.infer<typeof MessageSchema>;
export type MessageType = Message['type'];
/** What a message of `type` carries besides its type. */
export type RequestOf<K extends MessageType> = Omit<Extract<Message, { type: K }>, 'type'>;

/**
 * What the background says, as a code and its values, so each page says it in the browser's
 * language (components/background-words.ts); the English text stays beside it.
 */
export interface Said {
  code: string;
  data?: Record<string, string | number>;
}

/** A problem with storage, shown in popup, panel and options until dismissed or solved. */
export interface StorageProblem {
  message: string;
  /** The same, as a code and values (addition). */
  said?: Said;
  /** Set when a damaged copy was kept aside (options: "Download the damaged copy"). */
  backupKey: string;
  at: string;
}

export interface HeldView {
  id: string;
  source: PageKind | 'ledger';
  seenAt: string;
  reason: string;
  grants: number;
  invoices: number;
  /** The organizations it could be assigned to. */
  candidates: { key: string; name: string | null }[];
}

export interface UndoView {
  id: string;
  /** "Import of 12 grants", "Assign Credit grants to Acme", "Forget what Billing history read" (English). */
  label: string;
  at: string;
  /** What the change was, for the label in the browser's language: the journal entry's kind, page and organization. */
  kind?: string;
  page?: string | null;
  org?: string | null;
  /** The organization's name as the pages give it (status fills it in). */
  orgName?: string | null;
}

export interface Status {
  ok: true;
  organizations: { key: string; name: string | null }[];
  /** Every organization at a glance: its flagged charges (the one count of pill, headline, toolbar badge and popup) and its alerts. */
  glance: { key: string; name: string | null; flagged: number; alerts: number }[];
  current: string | null;
  report: Report | null;
  pages: Partial<Record<PageKind, { seenAt: string; understood: boolean; rows: number }>>;
  /** Pages of `current` whose reads can be forgotten (they are in the undo history). */
  forgettable: PageKind[];
  problem: StorageProblem | null;
  settings: Settings;
  held: HeldView[];
  undo: UndoView[];
  /** Set when the stored data is kept untouched and read-only (written by a newer version, or a recovery waits for the user). */
  readOnly: string | null;
  /** The same, as a code and values (addition). */
  readOnlySaid?: Said | null;
  /** A damaged copy can be downloaded. */
  damagedCopy: boolean;
}

export type Failure = { ok: false; error: string };
export type Done = { ok: true } | Failure;
export type SnapshotAnswer =
  | {
      ok: true;
      /** A note per row of the snapshot, in its order. */
      rows: RowNotes;
      problem: StorageProblem | null;
      grantIds: string[];
      /** The organization the read joined, or null when it was held. */
      organization: string | null;
      /** Why it was held, and its held entry (for 'report'). */
      held: string | null;
      heldId: string | null;
    }
  | Failure;
/** The notes last answered for a page's rows in one organization, by row key (lib/row-notes.ts). */
export interface RowMemory {
  organization: string | null;
  orgIds: string[];
  keys: string[];
  notes: (RowNote | null)[];
}
export type RowsAnswer = { ok: true; memory: RowMemory[]; read: PageKind[] } | Failure;
export type ReportAnswer = { ok: true; report: Report | null } | Failure;
export type StatusAnswer = Status | Failure;
export type ExportAnswer = { ok: true; text: string; filename: string } | Failure;
export type ImportPreviewAnswer = { ok: true; token: string; preview: ImportPreview; summary: string } | Failure;
export type ImportAnswer = { ok: true; summary: string } | Failure;
export type SettingsAnswer = { ok: true; settings: Settings } | Failure;
export type PanelAnswer = { ok: true; collapsed: boolean } | Failure;

/** Message type → its answer: the one place both sides read their types from. */
export interface ProtocolMap {
  snapshot: SnapshotAnswer;
  rows: RowsAnswer;
  report: ReportAnswer;
  status: StatusAnswer;
  export: ExportAnswer;
  'export-damaged': ExportAnswer;
  'import-preview': ImportPreviewAnswer;
  'import-confirm': ImportAnswer;
  'import-cancel': Done;
  delete: Done;
  settings: SettingsAnswer;
  'clear-charge': SettingsAnswer;
  'dismiss-problem': Done;
  assign: Done;
  discard: Done;
  forget: Done;
  undo: Done;
  'recovery-continue': Done;
  panel: PanelAnswer;
}
export type AnswerOf<K extends MessageType> = ProtocolMap[K];

// Every message type has an answer, and every answer a message type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _everyType: Same<MessageType, keyof ProtocolMap> = true;
void _everyType;
