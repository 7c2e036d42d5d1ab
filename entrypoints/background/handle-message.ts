// The background worker's one entry for messages: validate, then act on the ledger.
import { buildReport } from '../../lib/analysis/report';
import { mergeSnapshotPlaced } from '../../lib/ledger/merge';
import { getOrg, hasOrg, orgRecord, type Ledger } from '../../lib/ledger/schema';
import { exportLedger, importLedger } from '../../lib/ledger/transfer';
import { MessageSchema, type Status } from '../../lib/messages';
import type { Report } from '../../lib/report-schema';
import { wallClockNow } from '../../lib/wall-clock';
import { dismissProblem, readLedger, readProblem, serialized, writeLedger } from './ledger-store';
import { readCurrentOrg, readSettings, updateSettings, writeCurrentOrg } from './settings-store';
import { showCriticalCount } from './toolbar-badge';

const today = () => wallClockNow().slice(0, 10);

async function reportFor(ledger: Ledger, key: string | null): Promise<Report | null> {
  const org = getOrg(ledger, key);
  return org ? buildReport(org, { today: today(), settings: await readSettings() }) : null;
}

/** The organization to show: the one asked for, else the last one seen, else any. */
async function pick(ledger: Ledger, asked?: string): Promise<string | null> {
  if (asked !== undefined && hasOrg(ledger, asked)) return asked;
  const current = await readCurrentOrg();
  if (current !== null && hasOrg(ledger, current)) return current;
  return Object.keys(ledger.organizations)[0] ?? null;
}

async function refreshBadge(ledger: Ledger): Promise<void> {
  await showCriticalCount(await reportFor(ledger, await pick(ledger)));
}

export async function handleMessage(raw: unknown): Promise<unknown> {
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `Message rejected: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  }
  const message = parsed.data;
  switch (message.type) {
    case 'snapshot':
      // Answer as soon as the report is ready; the write stays queued in order behind it, and
      // the next message reads the ledger from memory (ledger-store.ts).
      return new Promise((answer) => {
        void serialized(async () => {
          const merged = mergeSnapshotPlaced(await readLedger(), message.snapshot);
          const { ledger, placement } = merged;
          const key = placement.kind === 'org' ? placement.key : null;
          const report = await reportFor(ledger, key);
          answer({ ok: true, report, problem: await readProblem() });
          await writeLedger(ledger);
          if (key !== null) await writeCurrentOrg(key);
          await showCriticalCount(report);
        }).catch((error: unknown) => answer({ ok: false, error: `Could not save what this page showed: ${String(error)}` }));
      });
    case 'status':
      return serialized(async (): Promise<Status> => {
        const ledger = await readLedger();
        const key = await pick(ledger, message.organization);
        const org = getOrg(ledger, key);
        const pages: Status['pages'] = {};
        for (const [kind, seen] of Object.entries(org?.pages ?? {})) pages[kind as keyof Status['pages']] = { seenAt: seen.seenAt, understood: seen.understood, rows: seen.rows };
        return {
          ok: true,
          organizations: Object.entries(ledger.organizations).map(([k, o]) => ({ key: k, name: o.organization })),
          current: key,
          report: await reportFor(ledger, key),
          pages,
          problem: await readProblem(),
          settings: await readSettings(),
        };
      });
    case 'export':
      return serialized(async () => ({ ok: true, text: exportLedger(await readLedger()), filename: `credit-lens-data-${today()}.json` }));
    case 'import':
      return serialized(async () => {
        const result = importLedger(await readLedger(), message.text, today());
        if (!result.ok) return { ok: false, error: result.reason };
        await writeLedger(result.ledger);
        await refreshBadge(result.ledger);
        const { grants, invoices, organizations } = result.preview.added;
        return { ok: true, added: { grants, invoices, organizations } };
      });
    case 'delete':
      return serialized(async () => {
        const ledger = await readLedger();
        if (message.organization === undefined) ledger.organizations = orgRecord();
        else delete ledger.organizations[message.organization];
        await writeLedger(ledger);
        await refreshBadge(ledger);
        return { ok: true };
      });
    case 'settings':
      return serialized(async () => {
        const settings = message.settings ? await updateSettings(message.settings) : await readSettings();
        await refreshBadge(await readLedger());
        return { ok: true, settings };
      });
    case 'dismiss-problem':
      await dismissProblem();
      return { ok: true };
  }
}
