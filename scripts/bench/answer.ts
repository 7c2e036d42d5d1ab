// What the background answers a snapshot with (entrypoints/background/handle-message.ts).
import type { Snapshot } from '../../lib/dashboard/snapshot';
import type { Merged } from '../../lib/ledger/merge';
import type { Report } from '../../lib/report-schema';

export function snapshotAnswer(_snapshot: Snapshot, report: Report, merged: Merged): unknown {
  return { ok: true, report, problem: null, grantIds: merged.grantIds, organization: null, held: null };
}
