// What the background answers a snapshot with (entrypoints/background/handle-message.ts): a
// note per row, not the report.
import { rowNotes } from '../../entrypoints/background/row-notes';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import type { Merged } from '../../lib/ledger/merge';
import type { Report } from '../../lib/report-schema';

export function snapshotAnswer(snapshot: Snapshot, report: Report, merged: Merged): unknown {
  return { ok: true, rows: rowNotes(snapshot, merged.grantIds, report), problem: null, grantIds: merged.grantIds, organization: null, held: null, heldId: null };
}
