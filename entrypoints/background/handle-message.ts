// The background worker's one entry for messages: validate (lib/messages.ts), then act on the
// ledger. Each handler is typed by the protocol map, so what it answers is what senders expect.
import { buildReport, pagesRead } from '../../lib/analysis/report';
import type { Settings } from '../../lib/analysis/settings';
import { PAGE_KINDS, type PageKind } from '../../lib/dashboard/pages/kinds';
import { PAGE_TITLES } from '../../lib/dashboard/pages';
import { applyChange, type Change } from '../../lib/ledger/journal';
import { mergeSnapshotPlaced } from '../../lib/ledger/merge';
import { contradiction, cluesOfOrg, heldCandidates } from '../../lib/ledger/organizations';
import { emptyLedger, freeOrgKey, getOrg, hasOrg, orgRecord, type Ledger, type OrgLedger } from '../../lib/ledger/schema';
import { describeImport, exportLedger, placeImport, readExport, runChunked } from '../../lib/ledger/transfer';
import { MessageSchema, type AnswerOf, type Message, type MessageType, type Status } from '../../lib/messages';
import type { Report } from '../../lib/report-schema';
import { panelCollapsedItem } from '../../lib/storage-items';
import { wallClockNow } from '../../lib/wall-clock';
import { clearJournal, currentIndex, historyWrites, forgettable, undoable, withoutChange, withoutReads, type ChangeMeta } from './journal-store';
import { commit, continueRecovery, damagedCopyText, deleteAll, dismissProblem, hasDamagedCopy, readLedger, readProblem, readState, serialized } from './ledger-store';
import { pendingImports } from './pending-imports';
import { forgetRows, recallRows, rememberRows, rowNotes } from './row-memory';
import { readCurrentOrg, readSettings, updateSettings, writeCurrentOrg } from './settings-store';
import { flaggedCount } from '../../lib/exports/flagged';
import { showToolbarCount } from './toolbar-badge';

const today = () => wallClockNow().slice(0, 10);

// An organization's ledger is replaced, never changed in place, when something is merged: its
// report can be kept until then (the toolbar badge and the popup's list ask for every one).
const reports = new WeakMap<OrgLedger, { key: string; report: Report }>();

async function reportOf(org: OrgLedger | undefined): Promise<Report | null> {
  if (!org) return null;
  const settings: Settings = await readSettings();
  const key = `${today()}|${JSON.stringify(settings)}`;
  const kept = reports.get(org);
  if (kept?.key === key) return kept.report;
  const report = buildReport(org, { today: today(), settings });
  reports.set(org, { key, report });
  return report;
}

/** What the last read was answered from, until anything else changes the ledger or the settings. */
let lastAnswer: { organization: string | null; held: string | null; report: Report | null } | null = null;

/** Anything but a page read changed the ledger or the settings: what was answered before may be wrong now. */
async function changedOtherwise(): Promise<void> {
  lastAnswer = null;
  await forgetRows();
}

/** A mark the bench reads (scripts/bench/content.ts): the snapshot path, step by step. */
function mark(step: string): void {
  const name = `credit-lens:snapshot:${step}`;
  if (step === 'received') for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('credit-lens:snapshot:')) performance.clearMarks(m.name);
  performance.mark(name);
}

/** Every organization with its one count: the charges a critical alert proves (lib/exports/flagged.ts). */
async function glanceOf(ledger: Ledger): Promise<Status['glance']> {
  const out: Status['glance'] = [];
  for (const [key, org] of Object.entries(ledger.organizations)) {
    const report = await reportOf(org);
    out.push({ key, name: org.organization, flagged: flaggedCount(report), alerts: report?.alerts.length ?? 0 });
  }
  return out;
}

/**
 * The organization to show: the one asked for, else (for the popup, `attention`) the one with the
 * most charges that need attention when the last one seen has none, else the last one seen, else any.
 */
async function pick(ledger: Ledger, asked?: string, glance?: Status['glance']): Promise<string | null> {
  if (asked !== undefined && hasOrg(ledger, asked)) return asked;
  const current = await readCurrentOrg();
  const known = current !== null && hasOrg(ledger, current) ? current : null;
  if (glance) {
    const worst = [...glance].sort((a, b) => b.flagged - a.flagged)[0];
    const here = glance.find((g) => g.key === known);
    if (worst && worst.flagged > 0 && (!here || here.flagged === 0)) return worst.key;
  }
  return known ?? Object.keys(ledger.organizations)[0] ?? null;
}

async function refreshToolbarBadge(ledger: Ledger): Promise<void> {
  await glanceOf(ledger)
    .then(showToolbarCount)
    .catch(() => undefined);
}

const nameOf = (ledger: Ledger, key: string) => ledger.organizations[key]?.organization ?? key;
const pageTitle = (source: string) => (source === 'ledger' ? 'An imported file' : PAGE_TITLES[source as PageKind]);

/** Save a change with its undo entry; the toolbar badge follows. */
async function save(before: Ledger, change: Change, meta: ChangeMeta): Promise<Ledger> {
  const ledger = applyChange(before, change);
  await changedOtherwise();
  await commit(ledger, { before, change, meta });
  await refreshToolbarBadge(ledger);
  return ledger;
}

const failed = (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) });
const pause = () => new Promise<void>((resume) => setTimeout(resume, 0));

type Handlers = { [K in MessageType]: (message: Extract<Message, { type: K }>) => Promise<AnswerOf<K>> };

const handlers: Handlers = {
  snapshot: (message) =>
    // Answer as soon as each row's note is ready; the report follows on 'report', and the write
    // stays queued in order behind the answer (the next message reads the ledger from memory).
    new Promise((answer) => {
      void serialized(async () => {
        const state = await readState();
        // The page's times are the browser's wall clock: keep which offset from UTC it had.
        const snapshot = { ...message.snapshot, utcOffsetMinutes: message.snapshot.utcOffsetMinutes ?? -new Date().getTimezoneOffset() };
        const merged = mergeSnapshotPlaced(state.ledger, snapshot);
        mark('merged');
        const { ledger, placement } = merged;
        const key = placement.kind === 'org' ? placement.key : null;
        const held = merged.heldId ? ledger.held.find((h) => h.id === merged.heldId) : undefined;
        const org = key !== null ? ledger.organizations[key] : held?.org;
        const report = await reportOf(org);
        mark('analysed');
        const rows = rowNotes(snapshot, merged.grantIds, report);
        mark('notes');
        let problem = await readProblem();
        if (state.readOnly) problem = { message: state.readOnly, backupKey: '', at: wallClockNow() };
        else if (held) problem = { message: `${held.reason} It is kept aside, counted nowhere, until you assign it to an organization: open Credit Lens from the toolbar.`, backupKey: '', at: wallClockNow() };
        lastAnswer = { organization: key, held: held?.id ?? null, report };
        answer({ ok: true, rows, problem, grantIds: merged.grantIds, organization: key, held: held?.reason ?? null, heldId: held?.id ?? null });
        mark('answered');
        if (state.readOnly) return;
        const page = snapshot.page;
        await commit(ledger, { before: state.ledger, change: { add: merged.change, removeHeld: [] }, meta: { kind: 'read', label: `What ${PAGE_TITLES[page]} read`, org: key, page } });
        mark('stored');
        if (key !== null && org && report) await rememberRows({ key, organization: org.organization, orgIds: org.orgIds }, snapshot, merged.grantIds, rows, report, today());
        mark('remembered');
        if (key !== null) await writeCurrentOrg(key);
        await refreshToolbarBadge(ledger);
        mark('done');
      }).catch((error: unknown) => answer({ ok: false, error: `Could not save what this page showed: ${failed(error).error}` }));
    }),

  rows: async (message) => {
    const { ledger } = await readState();
    const orgs = [...Object.values(ledger.organizations), ...ledger.held.map((h) => h.org)];
    const read = PAGE_KINDS.filter((k) => orgs.some((o) => pagesRead(o).includes(k)));
    return { ok: true, memory: await recallRows(message.page, today()), read };
  },

  report: async (message) => {
    const answered = lastAnswer;
    if (answered && answered.organization === message.organization && answered.held === message.held) return { ok: true, report: answered.report };
    return serialized(async () => {
      const { ledger } = await readState();
      const org = message.held !== null ? ledger.held.find((h) => h.id === message.held)?.org : getOrg(ledger, message.organization);
      return { ok: true as const, report: await reportOf(org) };
    });
  },

  status: (message) =>
    serialized(async (): Promise<Status> => {
      const state = await readState();
      const ledger = state.ledger;
      const glance = await glanceOf(ledger);
      const key = await pick(ledger, message.organization, message.attention ? glance : undefined);
      const org = getOrg(ledger, key);
      const pages: Status['pages'] = {};
      for (const [kind, seen] of Object.entries(org?.pages ?? {})) pages[kind as PageKind] = { seenAt: seen.seenAt, understood: seen.understood, rows: seen.rows };
      const index = await currentIndex().catch(() => null);
      return {
        ok: true,
        organizations: Object.entries(ledger.organizations).map(([k, o]) => ({ key: k, name: o.organization })),
        glance,
        current: key,
        report: await reportOf(org),
        pages,
        forgettable: forgettable(index, key) as PageKind[],
        problem: await readProblem(),
        settings: await readSettings(),
        held: ledger.held.map((h) => ({
          id: h.id,
          source: h.source,
          seenAt: h.seenAt,
          reason: h.reason,
          grants: h.org.grants.length,
          invoices: h.org.invoices.length,
          candidates: heldCandidates(ledger, h.org).map((k) => ({ key: k, name: nameOf(ledger, k) })),
        })),
        undo: undoable(index).map((u) => ({ ...u, orgName: u.org ? nameOf(ledger, u.org) : null })),
        readOnly: state.readOnly,
        readOnlySaid: state.readOnlySaid ?? null,
        damagedCopy: await hasDamagedCopy(),
      };
    }),

  export: () =>
    serialized(async () => {
      const state = await readState();
      // Data kept untouched (a newer version's) is exported as it is stored.
      const text = state.untouchedBecause === 'newer' ? `${JSON.stringify(state.untouched)}\n` : exportLedger(state.ledger);
      return { ok: true, text, filename: `credit-lens-data-${today()}.json` };
    }),

  'export-damaged': () =>
    serialized(async () => {
      const text = await damagedCopyText();
      return text ? { ok: true, text, filename: `credit-lens-damaged-data-${today()}.json` } : { ok: false, error: 'No damaged copy is kept.' };
    }),

  // Reading and checking a file happens outside the queue, a chunk at a time, so a large file
  // never holds other tabs' messages; only the join itself (on confirm) is queued.
  'import-preview': async (message) => {
    const state = await readState();
    if (state.readOnly) return { ok: false, error: state.readOnly };
    const read = await runChunked(readExport(message.text, today()), pause);
    if (!read.ok) return { ok: false, error: read.reason };
    const plan = placeImport(await readLedger(), read.ledger);
    if (!plan.ok) return { ok: false, error: plan.reason };
    const token = pendingImports.add(read.ledger);
    return { ok: true, token, preview: plan.preview, summary: describeImport(plan.preview) };
  },

  'import-confirm': (message) =>
    serialized(async () => {
      const incoming = pendingImports.take(message.token);
      if (!incoming) return { ok: false as const, error: 'That import is no longer waiting: choose the file again.' };
      const before = await readLedger();
      const plan = placeImport(before, incoming);
      if (!plan.ok) return { ok: false as const, error: plan.reason };
      await save(before, { add: plan.placed, removeHeld: [] }, { kind: 'import', label: `Import of ${describeImport(plan.preview)}`, org: null, page: null });
      return { ok: true as const, summary: describeImport(plan.preview) };
    }).catch(failed),

  'import-cancel': async (message) => {
    pendingImports.take(message.token);
    return { ok: true };
  },

  delete: (message) =>
    serialized(async () => {
      await changedOtherwise();
      if (message.organization === undefined) {
        await deleteAll();
        await refreshToolbarBadge(emptyLedger());
        return { ok: true as const };
      }
      const state = await readState();
      if (state.readOnly) return { ok: false as const, error: `${state.readOnly} Only "Delete all data" is possible now.` };
      const ledger = { ...state.ledger, organizations: orgRecord(Object.entries(state.ledger.organizations).filter(([k]) => k !== message.organization)) };
      // Undo could bring a deleted organization back: the history goes with it.
      await clearJournal();
      await commit(ledger);
      await refreshToolbarBadge(ledger);
      return { ok: true as const };
    }).catch(failed),

  settings: (message) =>
    serialized(async () => {
      if (message.settings) await changedOtherwise();
      const settings = message.settings ? await updateSettings(message.settings) : await readSettings();
      await refreshToolbarBadge(await readLedger());
      return { ok: true as const, settings };
    }).catch(failed),

  'clear-charge': (message) =>
    serialized(async () => {
      await changedOtherwise();
      const cleared = new Set((await readSettings()).clearedCharges);
      if (message.cleared) cleared.add(message.invoice);
      else cleared.delete(message.invoice);
      const settings = await updateSettings({ clearedCharges: [...cleared].sort() });
      await refreshToolbarBadge(await readLedger());
      return { ok: true as const, settings };
    }).catch(failed),

  'dismiss-problem': async () => {
    await dismissProblem();
    return { ok: true };
  },

  assign: (message) =>
    serialized(async () => {
      const before = await readLedger();
      const held = before.held.find((h) => h.id === message.held);
      if (!held) return { ok: false as const, error: 'Those pages are no longer waiting to be assigned.' };
      let key: string;
      let name: string | null;
      if (message.organization === null) {
        if (!message.name) return { ok: false as const, error: 'Give the new organization a name.' };
        name = message.name;
        key = freeOrgKey(before, name);
      } else {
        const target = getOrg(before, message.organization);
        if (!target) return { ok: false as const, error: 'That organization is not in Credit Lens any more.' };
        const why = contradiction(target, cluesOfOrg(held.org), held.org);
        if (why) return { ok: false as const, error: `These pages cannot be "${target.organization ?? message.organization}"'s: ${why}.` };
        key = message.organization;
        name = target.organization;
      }
      const add = emptyLedger();
      add.organizations[key] = { ...held.org, organization: name };
      await save(before, { add, removeHeld: [held.id] }, { kind: 'assign', label: `${pageTitle(held.source)} assigned to "${name ?? key}"`, org: key, page: held.source === 'ledger' ? null : held.source });
      await writeCurrentOrg(key);
      return { ok: true as const };
    }).catch(failed),

  discard: (message) =>
    serialized(async () => {
      const before = await readLedger();
      const held = before.held.find((h) => h.id === message.held);
      if (!held) return { ok: false as const, error: 'Those pages are no longer waiting to be assigned.' };
      await save(before, { add: emptyLedger(), removeHeld: [held.id] }, { kind: 'discard', label: `${pageTitle(held.source)} discarded`, org: null, page: held.source === 'ledger' ? null : held.source });
      return { ok: true as const };
    }).catch(failed),

  forget: (message) =>
    serialized(async () => {
      const before = await currentIndex();
      const name = nameOf(await readLedger(), message.organization);
      const rebuilt = await withoutReads(message.organization, message.page, `What ${PAGE_TITLES[message.page]} read into "${name}" forgotten`);
      if ('error' in rebuilt) return { ok: false as const, error: rebuilt.error };
      // Reads from before the undo history began are part of its base: forgetting only the later
      // ones would look like forgetting the page while keeping some of what it read.
      if (getOrg(rebuilt.ledger, message.organization)?.pages[message.page]) {
        return { ok: false as const, error: `${PAGE_TITLES[message.page]} was also read before ${before ? before.baseAt.replace('T', ' ') : 'the undo history began'}, which cannot be forgotten on its own any more: delete "${name}" in the options page instead, then read its pages again.` };
      }
      await changedOtherwise();
      await commit(rebuilt.ledger, { writes: historyWrites(before, rebuilt.index) });
      await refreshToolbarBadge(rebuilt.ledger);
      return { ok: true as const };
    }).catch(failed),

  undo: (message) =>
    serialized(async () => {
      const before = await currentIndex();
      const rebuilt = await withoutChange(message.id);
      if ('error' in rebuilt) return { ok: false as const, error: rebuilt.error };
      await changedOtherwise();
      await commit(rebuilt.ledger, { writes: historyWrites(before, rebuilt.index) });
      await refreshToolbarBadge(rebuilt.ledger);
      return { ok: true as const };
    }).catch(failed),

  panel: async (message) => {
    if (message.collapsed !== undefined) await panelCollapsedItem.setValue(message.collapsed);
    return { ok: true, collapsed: await panelCollapsedItem.getValue() };
  },

  'recovery-continue': () =>
    serialized(async () => {
      await changedOtherwise();
      await continueRecovery();
      return { ok: true as const };
    }).catch(failed),
};

export async function handleMessage(raw: unknown): Promise<unknown> {
  const isSnapshot = typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'snapshot';
  if (isSnapshot) mark('received');
  const parsed = MessageSchema.safeParse(raw);
  if (isSnapshot) mark('parsed');
  if (!parsed.success) {
    return { ok: false, error: `Message rejected: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  }
  const message = parsed.data;
  const handler = handlers[message.type] as (m: Message) => Promise<unknown>;
  try {
    return await handler(message);
  } catch (error) {
    return failed(error);
  }
}
