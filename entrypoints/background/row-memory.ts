// The last notes of each page's rows, by row key (lib/row-notes.ts), kept where a visit can get
// them in one message before its table arrives: in memory, and in storage.session for a worker
// that was stopped meanwhile. They are made from the report the answer was made from, and every
// page of that organization is brought up to date with it, so a page read later (the billing
// history after the grants) never leaves the other page's notes saying what is no longer true.
// Anything else that changes the ledger or the settings forgets them all (forgetRows).
import { grantNote, invoiceNote } from '../../components/RowBadge';
import { z } from 'zod';
import { PAGE_KINDS, type PageKind } from '../../lib/dashboard/pages/kinds';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import type { RowMemory } from '../../lib/messages';
import type { Report } from '../../lib/report-schema';
import { rowKeys, type RowNote, type RowNotes } from '../../lib/row-notes';
export { rowNotes } from './row-notes';
import { rowMemoryItem } from '../../lib/storage-items';

/** Pages kept at most (one per organization and page kind, the most recent). */
const KEEP = 8;

const NoteSchema = z.object({
  tone: z.enum(['ok', 'bad', 'muted']),
  lines: z.array(z.string()),
  alert: z.string().optional(),
  link: z.object({ href: z.string(), text: z.string(), label: z.string().optional() }).optional(),
});
const PagesSchema = z.array(
  z.object({
    org: z.string(),
    organization: z.string().nullable(),
    orgIds: z.array(z.string()),
    page: z.enum(PAGE_KINDS),
    today: z.string(),
    keys: z.array(z.string()),
    refs: z.array(z.string()),
    notes: z.array(NoteSchema.nullable()),
  }),
);

/** One page's rows as last read into an organization: key, and the grant ("g" + id) or invoice ("i" + number) its note is of. */
type PageRows = z.infer<typeof PagesSchema>[number];

let pages: PageRows[] | null = null;

async function loaded(): Promise<PageRows[]> {
  if (pages) return pages;
  // A worker started again: what an earlier one kept this session (anything unreadable is dropped).
  const stored = PagesSchema.safeParse(await rowMemoryItem.getValue().catch(() => null));
  return (pages = stored.success ? stored.data.filter((p) => p.keys.length === p.refs.length && p.keys.length === p.notes.length) : []);
}

const noteOf = (report: Report, ref: string): RowNote | null => (ref[0] === 'g' ? grantNote(report, ref.slice(1)) : invoiceNote(report, ref.slice(1)));

/**
 * Keep what this read's rows were answered with, and bring the organization's other pages up to
 * date with `report`. Written to storage.session after the answer was sent.
 */
export async function rememberRows(org: { key: string; organization: string | null; orgIds: string[] }, snapshot: Snapshot, grantIds: readonly string[], notes: RowNotes, report: Report, today: string): Promise<void> {
  const keys = rowKeys(snapshot);
  const entry: PageRows = { org: org.key, organization: org.organization, orgIds: org.orgIds, page: snapshot.page, today, keys: [], refs: [], notes: [] };
  keys.grants.forEach((key, i) => {
    if (key === null || !grantIds[i]) return;
    entry.keys.push(key);
    entry.refs.push(`g${grantIds[i]}`);
    entry.notes.push(notes.grants[i] ?? null);
  });
  keys.invoices.forEach((key, i) => {
    entry.keys.push(key);
    entry.refs.push(`i${snapshot.invoices[i]!.number}`);
    entry.notes.push(notes.invoices[i] ?? null);
  });
  const others = (await loaded()).filter((p) => !(p.org === org.key && p.page === snapshot.page));
  for (const p of others) {
    if (p.org !== org.key) continue;
    p.notes = p.refs.map((ref) => noteOf(report, ref));
    p.today = today;
    p.organization = org.organization;
    p.orgIds = org.orgIds;
  }
  pages = entry.keys.length ? [entry, ...others].slice(0, KEEP) : others;
  await rowMemoryItem.setValue(pages).catch(() => undefined);
}

/** What a visit of `page` can draw at once: the notes last answered for its rows, per organization. */
export async function recallRows(page: PageKind, today: string): Promise<RowMemory[]> {
  return (await loaded())
    .filter((p) => p.page === page && p.today === today)
    .map((p) => ({ organization: p.organization, orgIds: p.orgIds, keys: p.keys, notes: p.notes }));
}

/** The ledger or the settings changed otherwise than by a page read: no note kept is sure any more. */
export async function forgetRows(): Promise<void> {
  pages = [];
  await rowMemoryItem.removeValue().catch(() => undefined);
}

/** Forget what is kept in memory (tests of a restarted worker: storage.session remains). */
export function forgetCachedRows(): void {
  pages = null;
}
