// The background with fake-browser: organizations, the holding area, imports and undo, as the
// popup and options page drive them (issue 12, items 1–3).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateAccount } from '../../demo/generate';
import { SEED_ACCOUNT, type DemoAccount } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { handleMessage } from '../../entrypoints/background/handle-message';
import { forgetCachedLedger } from '../../entrypoints/background/ledger-store';
import { forgetCachedSettings } from '../../entrypoints/background/settings-store';
import { readPage } from '../../lib/dashboard/pages';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import { exportLedger } from '../../lib/ledger/transfer';
import type { AnswerOf, MessageType, Status } from '../../lib/messages';
import { ACME_ACCOUNT, unnamedPage, visibleSwitcherPage } from '../support/accounts';
import { ledgerOf } from '../support/pipeline';
import { linkedDocument } from '../support/read-dom';

const read = (html: string, kind: PageKind, seenAt = '2026-11-27T10:00:00'): Snapshot => readPage(linkedDocument(html), kind, pageUrl(kind), seenAt);
const send = <K extends MessageType>(message: { type: K } & Record<string, unknown>) => handleMessage(message) as Promise<AnswerOf<K>>;
const status = (organization?: string) => send({ type: 'status', ...(organization ? { organization } : {}) }) as Promise<Status>;
const exported = async () => {
  const r = await send({ type: 'export' });
  if (!r.ok) throw new Error(r.error);
  return r.text;
};
const visit = async (account: DemoAccount, page: (k: PageKind, a: DemoAccount) => string = savedPage, seenAt = '2026-11-27T10:00:00') => {
  for (const k of ['credit-grants', 'billing-history', 'overview'] as PageKind[]) await send({ type: 'snapshot', snapshot: read(page(k, account), k, seenAt) });
};
/** The report a read's answer was made from, as the panel asks for it next. */
const reportOf = async (answer: AnswerOf<'snapshot'>) => {
  if (!answer.ok) throw new Error(answer.error);
  const r = await send({ type: 'report', organization: answer.organization, held: answer.heldId });
  if (!r.ok) throw new Error(r.error);
  return r.report;
};
const toolbarBadge = async () => {
  await status(); // behind the writes that follow each answer
  return fakeBrowser.action.getBadgeText({});
};

beforeEach(() => {
  fakeBrowser.reset();
  forgetCachedLedger();
  forgetCachedSettings();
});

describe('organizations in the extension', () => {
  it('keeps two organizations read one after the other apart when their switcher reads only as text', async () => {
    await visit(SEED_ACCOUNT, visibleSwitcherPage);
    await visit(ACME_ACCOUNT, visibleSwitcherPage, '2026-11-27T11:00:00');
    const s = await status();
    expect(s.organizations.map((o) => o.name).sort()).toEqual(['Acme Research', 'Personal']);
    expect(s.current).toBe('Acme Research');
    expect(s.report!.alerts.filter((a) => a.severity === 'critical')).toEqual([]);
    // Acme's normal recharges are not judged against Personal's credit; and Acme, read last and
    // healthy, does not hide Personal's 7 flagged charges from the toolbar badge.
    expect(await toolbarBadge()).toBe('7');
    expect((await status('Personal')).report!.alerts.filter((a) => a.severity === 'critical')).toHaveLength(8);
    // The popup opens on the organization that needs attention, and lists both with their counts.
    const popup = (await send({ type: 'status', attention: true })) as Status;
    expect(popup.current).toBe('Personal');
    expect(popup.glance.map((g) => [g.name, g.flagged]).sort()).toEqual([
      ['Acme Research', 0],
      ['Personal', 7],
    ]);
  });

  it('holds a page that names no organization, says so on the page, and lets the popup assign it', async () => {
    await visit(SEED_ACCOUNT);
    const answer = await send({ type: 'snapshot', snapshot: read(unnamedPage('credit-grants', ACME_ACCOUNT), 'credit-grants', '2026-11-27T11:00:00') });
    expect(answer.ok && answer.held).toBe('This page does not name its organization.');
    expect(answer.ok && answer.problem!.message).toMatch(/kept aside, counted nowhere, until you assign it/);
    expect((await reportOf(answer))!.grants).toHaveLength(3); // what the page itself shows
    // Each row's note is of the held pages alone: their purchases are not known.
    expect(answer.ok && answer.rows.grants.map((n) => n?.lines[0])).toEqual(Array(3).fill('Purchase not known yet: the billing history is not read yet'));
    const s = await status();
    expect(s.report!.grants).toHaveLength(9); // Personal is untouched
    expect(s.held).toEqual([
      expect.objectContaining({ source: 'credit-grants', grants: 3, invoices: 0, reason: 'This page does not name its organization.', candidates: [{ key: 'Personal', name: 'Personal' }] }),
    ]);
    expect(await toolbarBadge()).toBe('7');
    // Assigned to a new organization: it counts there, and nowhere else.
    expect(await send({ type: 'assign', held: s.held[0]!.id, organization: null, name: 'Acme Research' })).toEqual({ ok: true });
    const after = await status('Acme Research');
    expect(after.held).toEqual([]);
    expect(after.report!.grants).toHaveLength(3);
    expect((await status('Personal')).report!.grants).toHaveLength(9);
    // …and the assignment can be undone: the pages wait again.
    expect(after.undo[0]).toMatchObject({ label: 'Credit grants assigned to "Acme Research"' });
    expect(await send({ type: 'undo', id: after.undo[0]!.id })).toEqual({ ok: true });
    const undone = await status();
    expect(undone.organizations.map((o) => o.key)).toEqual(['Personal']);
    expect(undone.held).toHaveLength(1);
  });

  it('refuses to assign held pages to an organization they contradict', async () => {
    await visit(SEED_ACCOUNT);
    await send({ type: 'snapshot', snapshot: read(unnamedPage('billing-history', ACME_ACCOUNT), 'billing-history') });
    const s = await status();
    expect(s.held[0]!.candidates).toEqual([]);
    const r = await send({ type: 'assign', held: s.held[0]!.id, organization: 'Personal' });
    expect(r).toEqual({ ok: false, error: 'These pages cannot be "Personal"\'s: its invoice numbers start 0FCE475C, not 5E1F7A2C.' });
  });

  it('discards held pages, and undoes that', async () => {
    await send({ type: 'snapshot', snapshot: read(unnamedPage('credit-grants', SEED_ACCOUNT), 'credit-grants') });
    const s = await status();
    await send({ type: 'discard', held: s.held[0]!.id });
    const after = await status();
    expect(after.held).toEqual([]);
    expect(after.undo[0]!.label).toBe('Credit grants discarded');
    await send({ type: 'undo', id: after.undo[0]!.id });
    expect((await status()).held).toHaveLength(1);
  });

  it('works for organizations called constructor, toString, hasOwnProperty and __proto__', async () => {
    // Four customers (each its own invoice prefix) with names that are also JavaScript words.
    const names = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];
    for (const [i, name] of names.entries()) await visit({ ...SEED_ACCOUNT, organization: name, invoicePrefix: `0000000${i}` });
    const s = await status();
    expect(s.organizations.map((o) => o.key).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect((await status('__proto__')).report!.grants).toHaveLength(9);
    const text = await exported();
    await send({ type: 'delete', organization: 'toString' });
    expect((await status()).organizations).toHaveLength(3);
    await send({ type: 'delete' });
    const r = await send({ type: 'import-preview', text });
    expect(r.ok && r.summary).toBe('36 new grants, 32 new invoices, 4 new organizations');
  });
});

describe('imports', () => {
  it('shows what an import will add and changes nothing until it is confirmed', async () => {
    await visit(SEED_ACCOUNT);
    const before = await exported();
    const acme = exportLedger(ledgerOf(ACME_ACCOUNT, ['credit-grants', 'billing-history', 'overview']));
    const preview = await send({ type: 'import-preview', text: acme });
    expect(preview.ok && preview.preview.organizations).toEqual([{ key: 'Acme Research', name: 'Acme Research', isNew: true, grants: 3, invoices: 3 }]);
    expect(preview.ok && preview.summary).toBe('3 new grants, 3 new invoices, 1 new organization');
    expect(await exported()).toBe(before);
    expect(preview.ok && (await send({ type: 'import-cancel', token: preview.token }))).toEqual({ ok: true });
    expect(preview.ok && (await send({ type: 'import-confirm', token: preview.token }))).toEqual({ ok: false, error: 'That import is no longer waiting: choose the file again.' });
    expect(await exported()).toBe(before);
  });

  it('undoes the last import exactly, keeping what pages read after it', async () => {
    await visit(SEED_ACCOUNT);
    const before = await exported();
    const preview = await send({ type: 'import-preview', text: exportLedger(ledgerOf(ACME_ACCOUNT, ['credit-grants', 'billing-history'])) });
    if (!preview.ok) throw new Error(preview.error);
    await send({ type: 'import-confirm', token: preview.token });
    // A page read after the import: Personal's usage.
    await send({ type: 'snapshot', snapshot: read(savedPage('usage', SEED_ACCOUNT), 'usage', '2026-11-27T12:00:00') });
    const s = await status();
    expect(s.organizations).toHaveLength(2);
    expect(s.undo[0]!.label).toBe('Import of 3 new grants, 3 new invoices, 1 new organization');
    expect(await send({ type: 'undo', id: s.undo[0]!.id })).toEqual({ ok: true });
    const after = await status('Personal');
    expect(after.organizations.map((o) => o.key)).toEqual(['Personal']);
    expect(after.pages.usage).toBeDefined();
    // Without the usage read, the ledger is exactly what it was before the import.
    const withoutUsage = JSON.parse(await exported());
    delete withoutUsage.organizations.Personal.usage;
    delete withoutUsage.organizations.Personal.pages.usage;
    const expected = JSON.parse(before);
    delete expected.organizations.Personal.usage;
    expect(withoutUsage).toEqual({ ...expected, organizations: { Personal: { ...expected.organizations.Personal, times: withoutUsage.organizations.Personal.times } } });
  });

  it('forgets what a page read into an organization, and undoes that', async () => {
    await visit(SEED_ACCOUNT);
    const s = await status();
    expect(s.forgettable.sort()).toEqual(['billing-history', 'credit-grants', 'overview']);
    expect(await send({ type: 'forget', organization: 'Personal', page: 'billing-history' })).toEqual({ ok: true });
    const after = await status();
    expect(after.report!.invoices).toEqual([]);
    expect(after.report!.grants).toHaveLength(9);
    expect(after.pages['billing-history']).toBeUndefined();
    expect(await toolbarBadge()).toBe('');
    expect(after.undo[0]!.label).toBe('What Billing history read into "Personal" forgotten');
    await send({ type: 'undo', id: after.undo[0]!.id });
    expect((await status()).report!.invoices).toHaveLength(8);
    expect(await toolbarBadge()).toBe('7');
  });

  it('keeps a bounded undo history: old changes are folded in, recent ones still undo exactly', async () => {
    const acme = exportLedger(ledgerOf(ACME_ACCOUNT, ['credit-grants', 'billing-history']));
    const importIt = async (text: string) => {
      const p = await send({ type: 'import-preview', text });
      if (!p.ok) throw new Error(p.error);
      await send({ type: 'import-confirm', token: p.token });
    };
    await importIt(acme);
    const minute = (i: number) => `2026-11-27T1${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}:00`;
    for (let i = 0; i < 30; i++) await send({ type: 'snapshot', snapshot: read(savedPage('credit-grants', SEED_ACCOUNT), 'credit-grants', minute(i)) });
    await send({ type: 'snapshot', snapshot: read(savedPage('billing-history', SEED_ACCOUNT), 'billing-history', minute(30)) });
    await send({ type: 'forget', organization: 'Personal', page: 'billing-history' });
    for (let i = 31; i < 75; i++) await send({ type: 'snapshot', snapshot: read(savedPage('overview', SEED_ACCOUNT), 'overview', minute(i)) });
    const before = await exported();
    await importIt(exportLedger(ledgerOf({ ...ACME_ACCOUNT, organization: 'Globex', invoicePrefix: '11111111' }, ['credit-grants'])));
    const s = await status();
    const index = (await fakeBrowser.storage.local.get('journal')).journal as { entries: unknown[] };
    expect(index.entries.length).toBeLessThanOrEqual(60);
    // The first import was folded into the base: no longer listed. The forget is kept.
    expect(s.undo.map((u) => u.label)).toEqual(['Import of 3 new grants, 0 new invoices, 1 new organization', 'What Billing history read into "Personal" forgotten']);
    expect(s.organizations.map((o) => o.key).sort()).toEqual(['Acme Research', 'Globex', 'Personal']);
    expect((await status('Personal')).report!.invoices).toEqual([]);
    await send({ type: 'undo', id: s.undo[0]!.id });
    expect(await exported()).toBe(before);
  });

  it('does not pretend to forget a page whose earlier reads are older than the undo history', async () => {
    await visit(SEED_ACCOUNT);
    await status(); // the writes are done
    // The undo history was cleared (as when storage is full)…
    await fakeBrowser.storage.local.remove(['journal', 'journalBase']);
    forgetCachedLedger();
    // …then the page is read again: only this read is in the new history.
    await send({ type: 'snapshot', snapshot: read(savedPage('billing-history', SEED_ACCOUNT), 'billing-history', '2026-11-28T10:00:00') });
    const s = await status();
    expect(s.forgettable).toEqual(['billing-history']);
    const r = await send({ type: 'forget', organization: 'Personal', page: 'billing-history' });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^Billing history was also read before .*cannot be forgotten on its own any more/) });
    expect((await status()).report!.invoices).toHaveLength(8);
  });

  it('refuses an import larger than the limit, with a clear message', async () => {
    const r = await send({ type: 'import-preview', text: `{"schema":"credit-lens/ledger"${' '.repeat(10_500_000)}}` });
    expect(r).toEqual({ ok: false, error: 'The file is 10.0 MB; Credit Lens imports data exports of up to 10.0 MB, the most the browser keeps for an extension. Nothing was imported.' });
  });

  it('reads a large import without holding other tabs: their messages are answered meanwhile', async () => {
    const big = exportLedger(ledgerOf(generateAccount(12_000, 11, { promoRate: 0, refundRate: 0 }), ['credit-grants', 'billing-history']));
    const order: string[] = [];
    const importing = send({ type: 'import-preview', text: big }).then((r) => {
      order.push('import read');
      return r;
    });
    // Another tab's page, sent while the import is being read.
    await new Promise((r) => setTimeout(r, 0));
    const answer = await send({ type: 'snapshot', snapshot: read(savedPage('credit-grants', SEED_ACCOUNT), 'credit-grants') });
    order.push('page answered');
    expect(answer.ok).toBe(true);
    const preview = await importing;
    expect(order).toEqual(['page answered', 'import read']);
    expect(preview.ok && preview.preview.added.grants).toBe(12_000);
  });
});
