// What a badge may say before the background answers (issue 13, part 2): the note last answered
// for the same row, known again by its key, or what the page alone shows, never more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grantNote, invoiceNote, pageGrantNote, pageInvoiceNote } from '../../components/RowBadge';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { KnownNotes } from '../../entrypoints/billing.content/known-notes';
import { readPage, pageUrl } from '../../lib/dashboard/pages';
import type { GrantRow, Snapshot } from '../../lib/dashboard/snapshot';
import { grantId, rankGrants } from '../../lib/ledger/identity';
import { rowKeys, type RowNote } from '../../lib/row-notes';
import { reportOf } from '../support/pipeline';
import { happyDocument } from '../support/read-dom';
import { grantRow } from '../support/snapshots';

const page = (kind: 'credit-grants' | 'billing-history'): Snapshot => readPage(happyDocument(savedPage(kind, SEED_ACCOUNT)), kind, pageUrl(kind), '2026-11-27T10:00:00');
const GRANTS = page('credit-grants');
const grantsOf = (rows: GrantRow[]): Snapshot => ({ ...GRANTS, grants: rows.map((r, position) => ({ ...r, position })) });
/** Which grant each row is, as the ledger names it (identity.ts). */
const idsOf = (s: Snapshot) => {
  const ids = new Map(rankGrants(s.grants).map(({ key, rank, row }) => [row, grantId(key, rank)]));
  return s.grants.map((r) => ids.get(r)!);
};

describe('row keys', () => {
  it('are the same for the same rows read again, and tell identical rows apart', () => {
    const s = page('credit-grants');
    const again = { ...s, seenAt: '2026-11-28T09:00:00' };
    expect(rowKeys(again)).toEqual(rowKeys(s));
    expect(new Set(rowKeys(s).grants).size).toBe(s.grants.length); // seven identical $10.00 rows, seven keys
    expect(new Set(rowKeys(page('billing-history')).invoices).size).toBe(8);
  });

  it('change for every row of a group that changed, and for an invoice whose status changed', () => {
    const rows = [grantRow({}), grantRow({}), grantRow({ displayedDate: '2026-09-30' })];
    const before = rowKeys(grantsOf(rows));
    const spent = rowKeys(grantsOf([grantRow({ remainingCents: 400 }), grantRow({}), grantRow({ displayedDate: '2026-09-30' })]));
    expect(spent.grants[0]).not.toBe(before.grants[0]);
    expect(spent.grants[1]).not.toBe(before.grants[1]); // its place in the group may have changed
    expect(spent.grants[2]).toBe(before.grants[2]); // another group: the same grant
    const h = page('billing-history');
    const refunded = { ...h, invoices: h.invoices.map((i, k) => (k === 0 ? { ...i, status: 'refunded' as const, statusText: 'Refunded' } : i)) };
    expect(rowKeys(refunded).invoices.slice(1)).toEqual(rowKeys(h).invoices.slice(1));
    expect(rowKeys(refunded).invoices[0]).not.toBe(rowKeys(h).invoices[0]);
  });

  it('name the same grant whenever they are equal, however the table changed between two reads', () => {
    const arbRow = fc.record({
      displayedDate: fc.constantFrom('2026-09-30', '2026-10-31'),
      amountCents: fc.constantFrom(500, 1000),
      remainingCents: fc.constantFrom(0, 250, 500),
      expiresOn: fc.constantFrom('2027-10-31', null),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 10 }), fc.array(arbRow, { maxLength: 10 }), (a, b) => {
        const first = grantsOf(a.map(grantRow));
        const second = grantsOf(b.map(grantRow));
        const ids = new Map(rowKeys(first).grants.map((k, i) => [k, idsOf(first)[i]]));
        rowKeys(second).grants.forEach((k, i) => {
          if (ids.has(k)) expect(idsOf(second)[i]).toBe(ids.get(k));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('are not given to the rows of one page of a paged grants table (they are ranked with the other pages)', () => {
    const s = { ...page('credit-grants'), tablePosition: { firstRow: 1, page: 1, pages: 2, totalRows: 18 } };
    expect(rowKeys(s).grants.every((k) => k === null)).toBe(true);
  });
});

describe('what the page alone shows', () => {
  const lines = (n: RowNote | null) => [...(n?.lines ?? []), ...(n?.link ? [n.link.href] : [])];

  it('says nothing the answer will not say, for every row, with one page or the other read', () => {
    const history = page('billing-history');
    const onlyHistory = reportOf(SEED_ACCOUNT, ['billing-history']);
    for (const row of history.invoices) {
      const local = pageInvoiceNote(row, row.status === 'paid' && row.totalCents > 0, false);
      const final = invoiceNote(onlyHistory, row.number);
      for (const line of lines(local)) expect(lines(final)).toContain(line);
      expect(local?.tone).toBe('muted'); // nothing was checked yet
    }
    const onlyGrants = reportOf(SEED_ACCOUNT, ['credit-grants']);
    for (const g of onlyGrants.grants) {
      // A purchase is never named before the billing history is read; a grant whose expiry
      // alone shows it was promotional is only refined.
      if (g.unmatched?.code === 'history-not-read') expect(grantNote(onlyGrants, g.id)).toEqual(pageGrantNote(false));
    }
  });

  it('is nothing once some organization has read the other page', () => {
    expect(pageGrantNote(true)).toBeNull();
    expect(pageInvoiceNote({ status: 'paid', totalCents: 1089 }, true, true)).toBeNull();
    expect(pageInvoiceNote({ status: 'refunded', totalCents: 1089 }, false, true)?.lines).toEqual(['Refunded: bought no credit']);
  });
});

describe('known notes (content script)', () => {
  const history = page('billing-history');
  const keys = rowKeys(history);

  it('draws nothing before the background said what was read, then what the page alone shows', () => {
    const known = new KnownNotes();
    expect(known.notesFor(history, keys).invoices.every((n) => n === null)).toBe(true);
    known.remember([], []);
    const notes = known.notesFor(history, keys).invoices;
    expect(notes.every((n) => n?.lines.at(-1) === 'Credit grants not read yet: open them to see what it bought')).toBe(true);
  });

  it('draws what these rows were last answered with, in their organization only', () => {
    const said: RowNote = { tone: 'ok', lines: ['→ $10.00 grant, shown as Oct 31, 2026'] };
    const memory = [{ organization: 'Personal', orgIds: [], keys: keys.invoices, notes: keys.invoices.map(() => said) }];
    const known = new KnownNotes();
    known.remember(memory, ['credit-grants', 'billing-history']);
    expect(known.notesFor(history, keys).invoices).toEqual(keys.invoices.map(() => said));
    const other = { ...history, organization: 'Acme Research' };
    expect(known.notesFor(other, keys).invoices.every((n) => n === null)).toBe(true);
  });

  it('learns an answer for the next read of the same rows (a page that loads more rows)', () => {
    const known = new KnownNotes();
    known.remember([], ['credit-grants', 'billing-history']);
    const half = { ...history, invoices: history.invoices.slice(0, 4) };
    known.notesFor(half, rowKeys(half));
    const answer = { grants: [], invoices: half.invoices.map((i): RowNote => ({ tone: 'ok', lines: [i.number] })) };
    known.learn(half, rowKeys(half), answer);
    const all = known.notesFor(history, keys).invoices;
    expect(all.slice(0, 4)).toEqual(answer.invoices);
    expect(all.slice(4).every((n) => n === null)).toBe(true);
  });
});
