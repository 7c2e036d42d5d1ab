// What a read is answered with: the note of each of its rows, made from the report (the words
// are components/RowBadge.tsx's). A few kilobytes to copy, where the whole report can take tens
// of milliseconds to send and receive.
import { grantNote, invoiceNote } from '../../components/RowBadge';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import type { Report } from '../../lib/report-schema';
import type { RowNotes } from '../../lib/row-notes';

/** The note of each row of `snapshot`, whose grants the merge named `grantIds`. */
export function rowNotes(snapshot: Snapshot, grantIds: readonly string[], report: Report | null): RowNotes {
  if (!report) return { grants: snapshot.grants.map(() => null), invoices: snapshot.invoices.map(() => null) };
  return { grants: grantIds.map((id) => (id ? grantNote(report, id) : null)), invoices: snapshot.invoices.map((row) => invoiceNote(report, row.number)) };
}
