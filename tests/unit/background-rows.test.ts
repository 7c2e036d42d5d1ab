// A read is answered with one note per row, not the whole report, and what each page's rows were
// answered with is kept (in memory and storage.session) for the next visit to draw at once
// (issue 13, part 2).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { grantNote, invoiceNote } from '../../components/RowBadge';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { handleMessage } from '../../entrypoints/background/handle-message';
import { forgetCachedLedger } from '../../entrypoints/background/ledger-store';
import { forgetCachedRows } from '../../entrypoints/background/row-memory';
import { forgetCachedSettings } from '../../entrypoints/background/settings-store';
import { readPage, pageUrl, type PageKind } from '../../lib/dashboard/pages';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import type { AnswerOf, MessageType, RowMemory } from '../../lib/messages';
import { rowKeys } from '../../lib/row-notes';
import { happyDocument } from '../support/read-dom';

const snap = (kind: PageKind, seenAt = '2026-11-27T10:00:00'): Snapshot => readPage(happyDocument(savedPage(kind, SEED_ACCOUNT)), kind, pageUrl(kind), seenAt);
const send = <K extends MessageType>(message: { type: K } & Record<string, unknown>) => handleMessage(message) as Promise<AnswerOf<K>>;
/** Queued behind the writes that follow each answer. */
const settled = () => send({ type: 'status' });
const read = async (kind: PageKind) => {
  const answer = await send({ type: 'snapshot', snapshot: snap(kind) });
  if (!answer.ok) throw new Error(answer.error);
  await settled();
  return answer;
};
const rows = async (page: PageKind) => {
  const r = await send({ type: 'rows', page });
  if (!r.ok) throw new Error(r.error);
  return r;
};
/** The kept notes of a snapshot's rows, in its order. */
const keptFor = (memory: RowMemory, s: Snapshot) => {
  const byKey = new Map(memory.keys.map((k, i) => [k, memory.notes[i]]));
  const keys = rowKeys(s);
  return { grants: keys.grants.map((k) => byKey.get(k!)), invoices: keys.invoices.map((k) => byKey.get(k)) };
};

beforeEach(() => {
  fakeBrowser.reset();
  forgetCachedLedger();
  forgetCachedSettings();
  forgetCachedRows();
});

describe('a read answered row by row', () => {
  it('answers with the note of each row, made from the report it sends when asked', async () => {
    await read('credit-grants');
    const answer = await read('billing-history');
    expect(answer).not.toHaveProperty('report');
    expect(answer.rows.grants).toEqual([]);
    expect(answer.rows.invoices).toHaveLength(8);
    const r = await send({ type: 'report', organization: answer.organization, held: answer.heldId });
    if (!r.ok || !r.report) throw new Error('no report');
    expect(answer.rows.invoices).toEqual(snap('billing-history').invoices.map((i) => invoiceNote(r.report!, i.number)));
    expect(answer.rows.invoices[0]!.lines).toContain('→ $10.00 grant, shown as Oct 31, 2026');
  });

  it('names each grant row as the merge did', async () => {
    const answer = await read('credit-grants');
    const r = await send({ type: 'report', organization: answer.organization, held: answer.heldId });
    if (!r.ok || !r.report) throw new Error('no report');
    expect(answer.rows.grants).toEqual(answer.grantIds.map((id) => grantNote(r.report!, id)));
  });
});

describe('what each page was answered with, kept for the next visit', () => {
  it('is nothing before any read, and says which pages no organization has read', async () => {
    expect(await rows('credit-grants')).toEqual({ ok: true, memory: [], read: [] });
  });

  it('holds the notes of the page read, by row key, and is brought up to date when another page is read', async () => {
    const grants = snap('credit-grants');
    const first = await read('credit-grants');
    let kept = await rows('credit-grants');
    expect(kept.read).toEqual(['credit-grants']);
    expect(kept.memory).toHaveLength(1);
    expect(kept.memory[0]).toMatchObject({ organization: 'Personal' });
    expect(keptFor(kept.memory[0]!, grants).grants).toEqual(first.rows.grants);
    expect(first.rows.grants.filter((n) => n?.lines[0]?.startsWith('Purchase not known yet'))).toHaveLength(8);

    // The billing history read later: the grants page's kept notes now say what bought each grant.
    await read('billing-history');
    kept = await rows('credit-grants');
    expect(kept.read.sort()).toEqual(['billing-history', 'credit-grants']);
    const notes = keptFor(kept.memory[0]!, grants).grants;
    expect(notes.filter((n) => n?.lines[0]?.startsWith('Bought'))).toHaveLength(8);
    expect(notes.some((n) => n?.lines[0]?.startsWith('Purchase not known yet'))).toBe(false);
    expect((await rows('billing-history')).memory).toHaveLength(1);
  });

  it('survives a worker started again (storage.session)', async () => {
    await read('credit-grants');
    forgetCachedRows();
    forgetCachedLedger();
    const kept = await rows('credit-grants');
    expect(keptFor(kept.memory[0]!, snap('credit-grants')).grants).toHaveLength(9);
    expect(kept.memory[0]!.notes.every((n) => n !== null)).toBe(true);
  });

  it('is forgotten when the settings or a deletion change what notes would say', async () => {
    await read('credit-grants');
    await send({ type: 'settings', settings: { expiringDays: 45 } });
    expect((await rows('credit-grants')).memory).toEqual([]);
    await read('credit-grants');
    await send({ type: 'delete' });
    expect((await rows('credit-grants')).memory).toEqual([]);
  });

  it('keeps nothing for a page read into the holding area', async () => {
    const unnamed: Snapshot = { ...snap('credit-grants'), organization: null };
    const answer = await send({ type: 'snapshot', snapshot: unnamed });
    await settled();
    expect(answer.ok && answer.held).toBeTruthy();
    expect((await rows('credit-grants')).memory).toEqual([]);
  });
});
