import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { handleMessage } from '../../entrypoints/background/handle-message';
import { forgetCachedLedger } from '../../entrypoints/background/ledger-store';
import { forgetCachedSettings } from '../../entrypoints/background/settings-store';
import { readPage, pageUrl, type PageKind } from '../../lib/dashboard/pages';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import type { ExportAnswer, ImportAnswer, SnapshotAnswer, Status } from '../../lib/messages';
import { happyDocument } from '../support/read-dom';

const snap = (kind: PageKind, seenAt = '2026-11-27T10:00:00'): Snapshot =>
  readPage(happyDocument(savedPage(kind, SEED_ACCOUNT)), kind, pageUrl(kind), seenAt);
const send = <T>(message: unknown) => handleMessage(message) as Promise<T>;
const stored = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;

beforeEach(() => {
  fakeBrowser.reset();
  // The worker keeps the ledger and settings in memory; a reset storage is a restarted worker.
  forgetCachedLedger();
  forgetCachedSettings();
});

describe('background worker', () => {
  it('rejects a message that does not validate', async () => {
    expect(await send({ type: 'snapshot', snapshot: { page: 'nope' } })).toMatchObject({ ok: false, error: expect.stringMatching(/Message rejected/) });
    expect(await stored()).toEqual({});
  });

  it('merges snapshots from several tabs at once into one correct ledger', async () => {
    const kinds: PageKind[] = ['credit-grants', 'billing-history', 'overview', 'usage'];
    // Four tabs, each page twice, all in flight together.
    const answers = await Promise.all([...kinds, ...kinds.reverse()].map((k, i) => send<SnapshotAnswer>({ type: 'snapshot', snapshot: snap(k, `2026-11-27T10:0${i}:00`) })));
    expect(answers.every((a) => a.ok)).toBe(true);
    const status = await send<Status>({ type: 'status' });
    expect(status.current).toBe('Personal');
    expect(status.report!.grants).toHaveLength(9);
    expect(status.report!.invoices).toHaveLength(8);
    expect(status.report!.alerts.filter((a) => a.severity === 'critical')).toHaveLength(8);
    expect(Object.keys(status.pages).sort()).toEqual(['billing-history', 'credit-grants', 'overview', 'usage']);
  });

  it('sets the toolbar badge to the number of critical alerts', async () => {
    for (const k of ['credit-grants', 'billing-history', 'overview'] as PageKind[]) await send({ type: 'snapshot', snapshot: snap(k) });
    await send({ type: 'status' }); // queued behind the writes that follow each answer
    expect(await fakeBrowser.action.getBadgeText({})).toBe('8');
    await send({ type: 'delete' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('keeps a corrupt stored ledger aside, recovers what it can, and says so', async () => {
    for (const k of ['credit-grants', 'billing-history'] as PageKind[]) await send({ type: 'snapshot', snapshot: snap(k) });
    const { ledger } = (await stored()) as { ledger: { organizations: { Personal: { grants: unknown[][] } } } };
    ledger.organizations.Personal.grants[0]![8] = 'garbage'; // its balance history
    await fakeBrowser.storage.local.set({ ledger });
    forgetCachedLedger(); // as after a worker restart
    const status = await send<Status>({ type: 'status' });
    expect(status.problem!.message).toMatch(/damaged.*8 grants and 8 invoices were recovered, 1 damaged rows could not be/);
    expect(status.report!.grants).toHaveLength(8);
    const all = await stored();
    const backup = Object.keys(all).find((k) => k.startsWith('ledgerBackup:'))!;
    expect((all[backup] as typeof ledger).organizations.Personal.grants[0]![8]).toBe('garbage');
    // Seeing the page again fills the gap; dismissing clears the notice.
    await send({ type: 'snapshot', snapshot: snap('credit-grants', '2026-11-28T09:00:00') });
    expect((await send<Status>({ type: 'status' })).report!.grants).toHaveLength(9);
    await send({ type: 'dismiss-problem' });
    expect((await send<Status>({ type: 'status' })).problem).toBeNull();
  });

  it('says so when a write fails, keeps what was saved, and clears the notice after a good write', async () => {
    await send({ type: 'snapshot', snapshot: snap('credit-grants') });
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    await send({ type: 'snapshot', snapshot: snap('billing-history') });
    fakeBrowser.storage.local.set = set;
    const failed = await send<Status>({ type: 'status' });
    expect(failed.problem!.message).toMatch(/could not save what it last read.*QUOTA_BYTES/);
    expect(failed.report!.invoices).toHaveLength(0); // storage still holds the last good ledger
    await send({ type: 'snapshot', snapshot: snap('billing-history') });
    const ok = await send<Status>({ type: 'status' });
    expect(ok.problem).toBeNull();
    expect(ok.report!.invoices).toHaveLength(8);
  });

  it('reads a stored value of the wrong type without crashing', async () => {
    await fakeBrowser.storage.local.set({ ledger: 'not an object' });
    const status = await send<Status>({ type: 'status' });
    expect(status.ok).toBe(true);
    expect(status.problem!.message).toMatch(/could not be read/);
  });

  it('export → delete → import restores the ledger exactly', async () => {
    for (const k of ['credit-grants', 'billing-history', 'overview', 'usage'] as PageKind[]) await send({ type: 'snapshot', snapshot: snap(k) });
    const exported = await send<ExportAnswer>({ type: 'export' });
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const before = await send<Status>({ type: 'status' });
    await send({ type: 'delete' });
    expect((await send<Status>({ type: 'status' })).report).toBeNull();
    const imported = await send<ImportAnswer>({ type: 'import', text: exported.text });
    expect(imported).toEqual({ ok: true, added: { grants: 9, invoices: 8, organizations: 1 } });
    expect((await send<ExportAnswer & { ok: true }>({ type: 'export' })).text).toBe(exported.text);
    expect((await send<Status>({ type: 'status' })).report).toEqual(before.report);
  });

  it('refuses a bad import and keeps the ledger as it was', async () => {
    await send({ type: 'snapshot', snapshot: snap('credit-grants') });
    const before = (await send<ExportAnswer & { ok: true }>({ type: 'export' })).text;
    for (const text of ['{', '{"schema":"credit-lens/ledger","version":1,"organizations":{"x":{"grants":"no"}}}', '[]']) {
      const r = await send<ImportAnswer>({ type: 'import', text });
      expect(r.ok).toBe(false);
    }
    expect((await send<ExportAnswer & { ok: true }>({ type: 'export' })).text).toBe(before);
  });

  it('deletes one organization and keeps the others', async () => {
    await send({ type: 'snapshot', snapshot: snap('credit-grants') });
    await send({ type: 'snapshot', snapshot: { ...snap('credit-grants'), organization: 'Acme' } });
    await send({ type: 'delete', organization: 'Personal' });
    const status = await send<Status>({ type: 'status' });
    expect(status.organizations).toEqual([{ key: 'Acme', name: 'Acme' }]);
  });
});
