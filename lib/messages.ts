// Messages to the background worker, validated there with MessageSchema, and what it answers.
import { z } from 'zod';
import { SettingsSchema, type Settings } from './analysis/settings';
import type { PageKind } from './dashboard/pages/kinds';
import type { Report } from './report-schema';
import { SnapshotSchema } from './snapshot-schema';

const orgKey = z.string().max(200);

export const MessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), snapshot: SnapshotSchema }),
  /** The popup's and panel's view: one organization's report (default: the current one). */
  z.object({ type: z.literal('status'), organization: orgKey.optional() }),
  z.object({ type: z.literal('export') }),
  z.object({ type: z.literal('import'), text: z.string().max(50_000_000) }),
  z.object({ type: z.literal('delete'), organization: orgKey.optional() }),
  z.object({ type: z.literal('settings'), settings: SettingsSchema.partial().optional() }),
  z.object({ type: z.literal('dismiss-problem') }),
]);
export type Message = z.infer<typeof MessageSchema>;

/** Set when the stored ledger did not validate: shown in popup and panel until dismissed. */
export interface StorageProblem {
  message: string;
  backupKey: string;
  at: string;
}

export interface Status {
  ok: true;
  organizations: { key: string; name: string | null }[];
  current: string | null;
  report: Report | null;
  pages: Partial<Record<PageKind, { seenAt: string; understood: boolean; rows: number }>>;
  problem: StorageProblem | null;
  settings: Settings;
}

export type Failure = { ok: false; error: string };
export type SnapshotAnswer = { ok: true; report: Report; problem: StorageProblem | null } | Failure;
export type StatusAnswer = Status | Failure;
export type ExportAnswer = { ok: true; text: string; filename: string } | Failure;
export type ImportAnswer = { ok: true; added: { grants: number; invoices: number; organizations: number } } | Failure;
