import { saidText } from '../../components/storage-words';
import { words } from '../../components/format';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { handleMessage } from '../../entrypoints/background/handle-message';
import { forgetCachedLedger } from '../../entrypoints/background/ledger-store';
import { forgetCachedSettings } from '../../entrypoints/background/settings-store';
import { readPage, pageUrl, type PageKind } from '../../lib/dashboard/pages';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import type { AnswerOf, MessageType, Status } from '../../lib/messages';
import { happyDocument } from '../support/read-dom';

const snap = (kind: PageKind, seenAt = '2026-11-27T10:00:00'): Snapshot =>
  readPage(happyDocument(savedPage(kind, SEED_ACCOUNT)), kind, pageUrl(kind), seenAt);
const send = <K extends MessageType>(message: { type: K } & Record<string, unknown>) => handleMessage(message) as Promise<AnswerOf<K>>;
const status = () => send({ type: 'status' }) as Promise<Status>;
const exported = async () => {
  const r = await send({ type: 'export' });
  if (!r.ok) throw new Error(r.error);
  return r.text;
};
const stored = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;
/** Import as the options page does: preview, then confirm. */
const importText = async (text: string) => {
  const preview = await send({ type: 'import-preview', text });
  if (!preview.ok) return preview;
  return send({ type: 'import-confirm', token: preview.token });
};

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
    const answers = await Promise.all([...kinds, ...kinds.reverse()].map((k, i) => send({ type: 'snapshot', snapshot: snap(k, `2026-11-27T10:0${i}:00`) })));
    expect(answers.every((a) => a.ok)).toBe(true);
    const s = await status();
    expect(s.current).toBe('Personal');
    expect(s.report!.grants).toHaveLength(9);
    expect(s.report!.invoices).toHaveLength(8);
    expect(s.report!.alerts.filter((a) => a.severity === 'critical')).toHaveLength(8);
    expect(Object.keys(s.pages).sort()).toEqual(['billing-history', 'credit-grants', 'overview', 'usage']);
  });

  it('sets the toolbar badge to the charges that need attention, the headline’s count', async () => {
    for (const k of ['credit-grants', 'billing-history', 'overview'] as PageKind[]) await send({ type: 'snapshot', snapshot: snap(k) });
    await status(); // queued behind the writes that follow each answer
    // 8 critical alerts (7 charges and the burst they make): one story, 7 charges, as the headline says.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('7');
    expect(await fakeBrowser.action.getTitle({})).toBe('Credit Lens: 7 flagged charges');
    await send({ type: 'delete' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('a charge the user says was right is no longer alerted about nor counted, until they take it back', async () => {
    for (const k of ['credit-grants', 'billing-history', 'overview'] as PageKind[]) await send({ type: 'snapshot', snapshot: snap(k) });
    await status();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('7');
    const cleared = await send({ type: 'clear-charge', invoice: '5E1F7A2C-0008', cleared: true });
    expect(cleared.ok && cleared.settings.clearedCharges).toEqual(['5E1F7A2C-0008']);
    expect((await status()).report!.alerts.flatMap((a) => (a.kind === 'recharge-above-threshold' ? a.invoices : []))).not.toContain('5E1F7A2C-0008');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('6');
    // A change of other settings leaves the cleared charges (and every knob it does not name) as they were.
    await send({ type: 'settings', settings: { expiringDays: 20 } });
    await send({ type: 'settings', settings: { rapidCount: 4 } });
    expect((await status()).settings).toMatchObject({ clearedCharges: ['5E1F7A2C-0008'], expiringDays: 20, rapidCount: 4 });
    await send({ type: 'clear-charge', invoice: '5E1F7A2C-0008', cleared: false });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('7');
  });

  it('keeps a corrupt stored ledger aside, compressed, recovers what it can, and says so', async () => {
    for (const k of ['credit-grants', 'billing-history'] as PageKind[]) await send({ type: 'snapshot', snapshot: snap(k) });
    await status();
    const { ledger } = (await stored()) as { ledger: { organizations: { Personal: { grants: unknown[][] } } } };
    ledger.organizations.Personal.grants[0]![9] = 'garbage'; // its balance history
    await fakeBrowser.storage.local.set({ ledger });
    forgetCachedLedger(); // as after a worker restart
    const s = await status();
    expect(s.problem!.message).toMatch(/damaged.*compressed copy was kept aside.*8 grants and 8 invoices were recovered, 1 damaged rows could not be/);
    // Said again as a code with its values, so each page says it in the browser's language.
    expect(s.problem!.said).toMatchObject({ code: 'recovered', data: { grants: 8, invoices: 8, dropped: 1 } });
    expect(saidText(s.problem!.message, s.problem!.said, words())).toMatch(/A compressed copy was kept aside.*8 grants and 8 invoices were recovered, 1 damaged rows could not be\. Visit the billing pages again/);
    expect(s.report!.grants).toHaveLength(8);
    expect(s.damagedCopy).toBe(true);
    // The damaged copy is there to download, exactly as it was stored.
    const copy = await send({ type: 'export-damaged' });
    expect(copy.ok && JSON.parse(copy.text)).toEqual(ledger);
    // Seeing the page again fills the gap; dismissing clears the notice.
    await send({ type: 'snapshot', snapshot: snap('credit-grants', '2026-11-28T09:00:00') });
    expect((await status()).report!.grants).toHaveLength(9);
    await send({ type: 'dismiss-problem' });
    expect((await status()).problem).toBeNull();
  });

  it('says so when a write fails, keeps what was saved, and clears the notice after a good write', async () => {
    await send({ type: 'snapshot', snapshot: snap('credit-grants') });
    await status();
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    await send({ type: 'snapshot', snapshot: snap('billing-history') });
    const failed = await status();
    fakeBrowser.storage.local.set = set;
    expect(failed.problem!.message).toMatch(/could not save what it last read.*QUOTA_BYTES/);
    expect(failed.problem!.said).toMatchObject({ code: 'save-failed' });
    expect(failed.report!.invoices).toHaveLength(0); // storage still holds the last good ledger
    await send({ type: 'snapshot', snapshot: snap('billing-history') });
    const ok = await status();
    expect(ok.problem).toBeNull();
    expect(ok.report!.invoices).toHaveLength(8);
  });

  it('reads a stored value of the wrong type without crashing', async () => {
    await fakeBrowser.storage.local.set({ ledger: 'not an object' });
    const s = await status();
    expect(s.ok).toBe(true);
    expect(s.problem!.message).toMatch(/could not be read/);
  });

  it('export → delete → import restores the ledger exactly', async () => {
    for (const k of ['credit-grants', 'billing-history', 'overview', 'usage'] as PageKind[]) await send({ type: 'snapshot', snapshot: snap(k) });
    const text = await exported();
    const before = await status();
    await send({ type: 'delete' });
    expect((await status()).report).toBeNull();
    expect(await importText(text)).toEqual({ ok: true, summary: '9 new grants, 8 new invoices, 1 new organization' });
    expect(await exported()).toBe(text);
    expect((await status()).report).toEqual(before.report);
  });

  it('refuses a bad import and keeps the ledger as it was', async () => {
    await send({ type: 'snapshot', snapshot: snap('credit-grants') });
    const before = await exported();
    for (const text of ['{', '{"schema":"credit-lens/ledger","version":1,"organizations":{"x":{"grants":"no"}}}', '[]']) {
      const r = await importText(text);
      expect(r.ok).toBe(false);
    }
    expect(await exported()).toBe(before);
  });

  it('deletes one organization and keeps the others', async () => {
    await send({ type: 'snapshot', snapshot: snap('credit-grants') });
    await send({ type: 'snapshot', snapshot: { ...snap('credit-grants'), organization: 'Acme' } });
    await send({ type: 'delete', organization: 'Personal' });
    const s = await status();
    expect(s.organizations).toEqual([{ key: 'Acme', name: 'Acme' }]);
  });
});
