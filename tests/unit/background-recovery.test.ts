// Always a way out (issue 12, item 4): export, delete and the options page work whatever state
// storage is in: damaged, over its quota, or written by a newer version. fake-browser has no
// quota, so one is put on storage.local.set here, counted as the browser counts (keys + JSON).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { handleMessage } from '../../entrypoints/background/handle-message';
import { forgetCachedLedger } from '../../entrypoints/background/ledger-store';
import { forgetCachedSettings } from '../../entrypoints/background/settings-store';
import { readPage } from '../../lib/dashboard/pages';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import type { AnswerOf, MessageType, Status } from '../../lib/messages';
import { happyDocument } from '../support/read-dom';

const QUOTA = 10 * 1024 * 1024; // chrome.storage.local without unlimitedStorage
const send = <K extends MessageType>(message: { type: K } & Record<string, unknown>) => handleMessage(message) as Promise<AnswerOf<K>>;
const status = () => send({ type: 'status' }) as Promise<Status>;
const snap = (kind: PageKind, seenAt = '2026-11-27T10:00:00') => readPage(happyDocument(savedPage(kind, SEED_ACCOUNT)), kind, pageUrl(kind), seenAt);
const all = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;
const sizeOf = (items: Record<string, unknown>) => Object.entries(items).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);

const realSet = fakeBrowser.storage.local.set;
function withQuota(bytes: number): void {
  fakeBrowser.storage.local.set = async (items: Record<string, unknown>) => {
    if (sizeOf({ ...(await all()), ...items }) > bytes) throw new Error('QUOTA_BYTES quota exceeded');
    return realSet.call(fakeBrowser.storage.local, items);
  };
}

/** A stored ledger of about `mb` megabytes in the current form, with one damaged row. */
function bigDamagedLedger(mb: number): Record<string, unknown> {
  const invoices: unknown[] = [];
  const grants: unknown[] = [];
  const n = Math.round((mb * 1024 * 1024) / 150);
  for (let i = 0; i < n; i++) {
    const day = `2026-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    invoices.push([`5E1F7A2C-${String(i + 1).padStart(6, '0')}`, 1089, 'USD', `${day}T13:02`, null, [['paid', 'Paid', 0, 0]]]);
    grants.push([day, 1000, 'USD', null, null, Math.floor(i / 280), 'available', 'Available', 0, [[1000, 0, 0]], i, 0]);
  }
  grants[3] = ['garbage'];
  return {
    schema: 'credit-lens/ledger',
    version: 3,
    organizations: { Personal: { organization: 'Personal', invoicePrefixes: ['5E1F7A2C'], orgIds: [], overview: null, usage: null, pages: {}, grantPages: [], times: ['2026-11-27T10:00:00'], grants, invoices } },
    held: [],
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetCachedLedger();
  forgetCachedSettings();
});
afterEach(() => {
  fakeBrowser.storage.local.set = realSet;
});

describe('a damaged ledger larger than half the quota', () => {
  it('is recovered without room for a second copy: status, export, the damaged copy and delete all work', async () => {
    const raw = bigDamagedLedger(5.5);
    await fakeBrowser.storage.local.set({ ledger: raw });
    expect(sizeOf(await all())).toBeGreaterThan(5.5 * 1024 * 1024);
    withQuota(QUOTA);
    const s = await status();
    expect(s.ok).toBe(true);
    expect(s.readOnly).toBeNull();
    expect(s.problem!.message).toMatch(/damaged.*A compressed copy was kept aside/);
    expect(s.damagedCopy).toBe(true);
    expect(sizeOf(await all())).toBeLessThan(QUOTA);
    // The copy kept aside is the damaged ledger as it was stored.
    const copy = await send({ type: 'export-damaged' });
    expect(copy.ok && JSON.parse(copy.text)).toEqual(raw);
    const exported = await send({ type: 'export' });
    expect(exported.ok && JSON.parse(exported.text).organizations.Personal.invoices).toHaveLength((raw.organizations as { Personal: { invoices: unknown[] } }).Personal.invoices.length);
    // New pages are still saved, and everything can be deleted.
    expect((await send({ type: 'snapshot', snapshot: snap('overview') })).ok).toBe(true);
    expect(await send({ type: 'delete' })).toEqual({ ok: true });
    expect(await all()).toEqual({});
  }, 120_000);

  it('keeps it untouched and read-only when not even a compressed copy fits, until the user has downloaded it', async () => {
    const raw = bigDamagedLedger(1);
    await fakeBrowser.storage.local.set({ ledger: raw });
    withQuota(sizeOf(await all()) + 1000);
    const s = await status();
    expect(s.readOnly).toMatch(/waiting for you to download the damaged copy/);
    expect(s.readOnlySaid).toEqual({ code: 'waiting' });
    expect(s.problem!.message).toMatch(/too full to keep a copy of it, so it is kept as it is/);
    expect(s.report!.invoices.length).toBeGreaterThan(1000); // what could be recovered, shown
    // Pages read meanwhile are shown but not written over it.
    const answer = await send({ type: 'snapshot', snapshot: snap('overview') });
    expect(answer.ok).toBe(true);
    expect((await all()).ledger).toEqual(raw);
    const copy = await send({ type: 'export-damaged' });
    expect(copy.ok && JSON.parse(copy.text)).toEqual(raw);
    // Once downloaded, the user goes on: the recovered ledger replaces it.
    expect(await send({ type: 'recovery-continue' })).toEqual({ ok: true });
    const after = await status();
    expect(after.readOnly).toBeNull();
    expect(((await all()).ledger as { version: number }).version).toBe(3);
    expect(after.report!.invoices.length).toBe(s.report!.invoices.length);
  }, 120_000);
});

describe('storage that is full', () => {
  it('drops the undo history before it fails to save a page', async () => {
    const grants = async () => {
      await send({ type: 'snapshot', snapshot: snap('credit-grants') });
      await status();
    };
    // Measured once without a quota: the room both pages take with their undo entries.
    await grants();
    await send({ type: 'snapshot', snapshot: snap('billing-history') });
    await status();
    const full = sizeOf(await all());
    fakeBrowser.reset();
    forgetCachedLedger();
    await grants();
    expect(Object.keys(await all()).some((k) => k.startsWith('journal'))).toBe(true);
    // Just too little room for the billing history with its undo entry; enough without the history.
    withQuota(full - 10);
    await send({ type: 'snapshot', snapshot: snap('billing-history') });
    const s = await status();
    expect(s.problem).toBeNull();
    expect(s.report!.invoices).toHaveLength(8);
    expect(Object.keys(await all()).some((k) => k.startsWith('journal'))).toBe(false);
  });

  it('still exports and deletes when nothing more can be written', async () => {
    for (const k of ['credit-grants', 'billing-history'] as PageKind[]) await send({ type: 'snapshot', snapshot: snap(k) });
    await status();
    withQuota(0);
    await send({ type: 'snapshot', snapshot: snap('overview') });
    const s = await status();
    expect(s.problem!.message).toMatch(/could not save what it last read/);
    const exported = await send({ type: 'export' });
    expect(exported.ok && JSON.parse(exported.text).organizations.Personal.invoices).toHaveLength(8);
    expect(await send({ type: 'delete' })).toEqual({ ok: true });
    expect(await all()).toEqual({});
  });
});

describe('a ledger written by a newer version', () => {
  const newer = { schema: 'credit-lens/ledger', version: 7, organizations: { Personal: { somethingNew: [1, 2, 3] } }, held: [] };

  it('is kept untouched and read-only, with a message; it can be exported as it is, or deleted', async () => {
    await fakeBrowser.storage.local.set({ ledger: newer });
    const s = await status();
    expect(s.readOnly).toMatch(/saved by a newer version of Credit Lens \(data version 7\) and is kept as it is: update the extension/);
    expect(s.readOnlySaid).toEqual({ code: 'newer', data: { version: '7' } });
    // Pages are read and shown, never written over it.
    const answer = await send({ type: 'snapshot', snapshot: snap('credit-grants') });
    expect(answer.ok && answer.rows.grants).toHaveLength(9);
    if (!answer.ok) throw new Error(answer.error);
    const report = await send({ type: 'report', organization: answer.organization, held: answer.heldId });
    expect(report.ok && report.report!.grants).toHaveLength(9);
    expect(answer.ok && answer.problem!.message).toMatch(/newer version/);
    await status();
    expect((await all()).ledger).toEqual(newer);
    const preview = await send({ type: 'import-preview', text: '{}' });
    expect(preview).toMatchObject({ ok: false, error: expect.stringMatching(/newer version/) });
    expect(await send({ type: 'delete', organization: 'Personal' })).toMatchObject({ ok: false, error: expect.stringMatching(/Only "Delete all data"/) });
    const exported = await send({ type: 'export' });
    expect(exported.ok && JSON.parse(exported.text)).toEqual(newer);
    expect((await all()).ledger).toEqual(newer);
    expect(await send({ type: 'delete' })).toEqual({ ok: true });
    expect((await status()).readOnly).toBeNull();
  });
});
