// Export and import: the export is the ledger itself as JSON (also what `npm run audit
// --save-ledger` writes and what `audit` accepts). An import is evidence like a page: it is
// validated in shape and in meaning (validate.ts), refused whole when any of it is wrong, and each
// of its organizations is placed by its clues (organizations.ts), so someone else's "Personal"
// never merges into yours. Large files are read in chunks (`runChunked`), so the background keeps
// answering other tabs meanwhile.
import { joinHeldReads, joinLedgers, joinOrgs, ledgerCounts, settleHeld } from './merge';
import { migrate } from './migrate';
import { cluesOfOrg, heldId, placeOrg } from './organizations';
import { LEDGER_SCHEMA, emptyLedger, getOrg, type HeldRead, type Ledger, type OrgLedger } from './schema';
import { StoredHeldSchema, StoredLedgerSchema, fromStoredOrg, latestSeen, toStored } from './stored';
import { tooLarge } from './keys';
import { meaningProblems } from './validate';

export { IMPORT_LIMIT_BYTES, tooLarge } from './keys';

/** The compact stored form as JSON; organizations sorted, so a ledger always exports the same bytes. */
export function exportLedger(ledger: Ledger): string {
  return `${JSON.stringify(toStored(ledger))}\n`;
}

export function looksLikeLedger(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { schema?: unknown }).schema === LEDGER_SCHEMA;
}

/** Rows validated between two pauses. */
const CHUNK = 5000;

type Read = { ok: true; ledger: Ledger } | { ok: false; reason: string };

/** Parse, upgrade and validate an export; yields between chunks of work (see runSync / runChunked). */
export function* readExport(text: string, today: string): Generator<void, Read> {
  const big = tooLarge(text.length);
  if (big) return { ok: false, reason: `${big} Nothing was imported.` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON.' };
  }
  yield;
  if (!looksLikeLedger(raw)) return { ok: false, reason: 'The file is not a Credit Lens data export.' };
  const migrated = migrate(raw);
  if (!migrated.ok) return { ok: false, reason: `The file could not be read: ${migrated.reason}. Nothing was imported.` };
  const damaged = (detail: string): Read => ({ ok: false, reason: `The file is damaged (${detail}). Nothing was imported.` });
  if (migrated.dropped) return damaged(`${migrated.dropped} rows do not validate`);
  const outline = StoredLedgerSchema.safeParse({ held: [], ...migrated.value });
  if (!outline.success) return damaged(`at ${outline.error.issues[0]?.path.join('.') || 'the top level'}`);
  const ledger = emptyLedger();
  const orgs: [string | null, unknown][] = [...Object.entries(outline.data.organizations), ...outline.data.held.map((h): [null, unknown] => [null, h])];
  for (const [key, raw] of orgs) {
    const held = key === null ? StoredHeldSchema.safeParse(raw) : null;
    if (held && !held.success) return damaged('a held read does not validate');
    const stored = (held?.data?.org ?? raw) as Record<string, unknown>;
    const grants = Array.isArray(stored?.grants) ? stored.grants : [];
    const invoices = Array.isArray(stored?.invoices) ? stored.invoices : [];
    let org = null as OrgLedger | null;
    // Row by row, a chunk at a time: each chunk shares the organization's table of times.
    for (let i = 0; i === 0 || i < Math.max(grants.length, invoices.length); i += CHUNK) {
      const part = fromStoredOrg({ ...stored, grants: grants.slice(i, i + CHUNK), invoices: invoices.slice(i, i + CHUNK) });
      if (!part) return damaged(key === null ? 'a held read does not validate' : `organization "${key.slice(0, 80)}" does not validate`);
      if (part.dropped) return damaged(`${part.dropped} rows of ${key === null ? 'a held read' : `organization "${key.slice(0, 80)}"`} do not validate`);
      org = org ? { ...org, grants: org.grants.concat(part.org.grants), invoices: org.invoices.concat(part.org.invoices) } : part.org;
      yield;
    }
    if (key !== null) ledger.organizations[key] = org!;
    else ledger.held.push({ ...held!.data!, org: org! });
  }
  const problems = meaningProblems(ledger, today);
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    return { ok: false, reason: `The file holds what no billing page showed: ${problems[0]}${more}. Nothing was imported.` };
  }
  return { ok: true, ledger };
}

/** What an import will add, per organization, before the user confirms it. */
export interface ImportPreview {
  organizations: { key: string; name: string | null; isNew: boolean; grants: number; invoices: number; note?: string }[];
  held: { id: string; reason: string; grants: number; invoices: number }[];
  added: { grants: number; invoices: number; organizations: number; held: number };
  /** Rows in the file. */
  rows: number;
}

export type Imported = { ok: true; ledger: Ledger; preview: ImportPreview; placed: Ledger } | { ok: false; reason: string };

/**
 * Join a validated export into `into`: each organization goes where its clues place it (its own
 * key when nothing contradicts, a new key when something does, held when it names none).
 */
export function placeImport(into: Ledger, incoming: Ledger): Imported {
  let ledger = into;
  // The file as it is joined: each organization under the key it was placed at.
  const placed = emptyLedger();
  const incomingOrgs = [...Object.values(incoming.organizations), ...incoming.held.map((h) => h.org)];
  const rows = incomingOrgs.reduce((n, o) => n + o.grants.length + o.invoices.length, 0);
  const preview: ImportPreview = { organizations: [], held: [], added: { grants: 0, invoices: 0, organizations: 0, held: 0 }, rows };
  const hold = (h: HeldRead) => {
    preview.held.push({ id: h.id, reason: h.reason, grants: h.org.grants.length, invoices: h.org.invoices.length });
    placed.held.push(h);
    ledger = joinLedgers(ledger, { ...emptyLedger(), held: [h] });
  };
  for (const [key, org] of Object.entries(incoming.organizations)) {
    const clues = cluesOfOrg(org);
    const place = placeOrg(ledger, clues, org);
    if (place.kind === 'held') {
      hold({ id: heldId('ledger', clues, org), source: 'ledger', seenAt: latestSeen(org), reason: place.reason, org });
      continue;
    }
    const before = getOrg(ledger, place.key);
    const small = emptyLedger();
    small.organizations[place.key] = org;
    placed.organizations[place.key] = getOrg(placed, place.key) ? joinOrgs(placed.organizations[place.key]!, org) : org;
    ledger = joinLedgers(ledger, small);
    const after = ledger.organizations[place.key]!;
    const note = place.note ?? (key !== place.key ? `imported as "${place.key}"` : undefined);
    preview.organizations.push({
      key: place.key,
      name: org.organization,
      isNew: !before,
      grants: after.grants.length - (before?.grants.length ?? 0),
      invoices: after.invoices.length - (before?.invoices.length ?? 0),
      ...(note ? { note } : {}),
    });
  }
  for (const h of incoming.held) hold(h);
  const a = ledgerCounts(into);
  const b = ledgerCounts(ledger);
  preview.added = { grants: b.grants - a.grants, invoices: b.invoices - a.invoices, organizations: b.organizations - a.organizations, held: ledger.held.length - into.held.length };
  placed.held = joinHeldReads([], placed.held);
  return { ok: true, ledger: settleHeld(ledger), preview, placed };
}

/** Run a chunked task to its end at once (the CLI). */
export function runSync<T>(task: Generator<void, T>): T {
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
  }
}

/** Run a chunked task, pausing between chunks so other work (other tabs' messages) goes first. */
export async function runChunked<T>(task: Generator<void, T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Validate a file's text and merge it into `into`. A damaged or implausible file is refused whole: nothing half-imported. */
export function importLedger(into: Ledger, text: string, today: string): Imported {
  const read = runSync(readExport(text, today));
  return read.ok ? placeImport(into, read.ledger) : read;
}

/** "3 new grants, 2 new invoices, 1 new organization": for messages. */
export function describeImport(p: ImportPreview): string {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  const parts = [n(p.added.grants, 'new grant'), n(p.added.invoices, 'new invoice'), n(p.added.organizations, 'new organization')];
  if (p.added.held) parts.push(`${n(p.added.held, 'read')} to assign`);
  return parts.join(', ');
}
