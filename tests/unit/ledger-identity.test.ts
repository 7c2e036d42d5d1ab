// Which row is which grant (issue 12, item 2) and the site's order (issue 10, item 5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTable, usd } from '../../demo/pages';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { buildReport } from '../../lib/analysis/report';
import { readTablePosition } from '../../lib/dashboard/page-marker';
import { readPage } from '../../lib/dashboard/pages';
import { pageUrl } from '../../lib/dashboard/pages';
import type { GrantRow, Snapshot, TablePosition } from '../../lib/dashboard/snapshot';
import { grantsCsv } from '../../lib/exports/grants-csv';
import { mergeSnapshot, mergeSnapshotPlaced } from '../../lib/ledger/merge';
import { emptyLedger, type Ledger } from '../../lib/ledger/schema';
import { exportLedger } from '../../lib/ledger/transfer';
import { happyDocument, linkedDocument } from '../support/read-dom';
import { grantRow as grant } from '../support/snapshots';

const rows = (list: Partial<GrantRow>[]) => list.map((g, position) => grant({ ...g, position }));
const snapshot = (over: Partial<Snapshot>): Snapshot => ({
  page: 'credit-grants',
  url: pageUrl('credit-grants'),
  organization: 'Personal',
  seenAt: '2026-11-27T10:00:00',
  grants: [],
  invoices: [],
  overview: null,
  usage: null,
  understood: true,
  warnings: [],
  ...over,
});
const fold = (snaps: Snapshot[]) => snaps.reduce(mergeSnapshot, emptyLedger());
const grantsOf = (l: Ledger) => l.organizations.Personal!.grants;

describe('a grant is the same grant whatever columns were late or missing', () => {
  const withExpiry = rows([{ expiresOn: '2027-11-30' }, { expiresOn: '2027-11-30' }, { displayedDate: '2026-05-31', remainingCents: 620, expiresOn: '2027-06-30' }]);
  const late = withExpiry.map((g) => ({ ...g, expiresOn: null })); // "—" for the first 400 ms

  it('keeps each grant once when the expiry cells fill in after the rows, and fills the expiry in', () => {
    for (const order of [[late, withExpiry], [withExpiry, late]]) {
      const l = fold(order.map((grants, i) => snapshot({ grants, seenAt: `2026-11-27T10:00:0${i}` })));
      expect(grantsOf(l)).toHaveLength(3);
      expect(grantsOf(l).map((g) => g.expiresOn)).toEqual(['2027-11-30', '2027-11-30', '2027-06-30']);
    }
  });

  it('keeps each grant once across a save without the Expires column, read after one with it', () => {
    const l = fold([snapshot({ grants: withExpiry }), snapshot({ grants: late, seenAt: '2026-11-28T09:00:00', warnings: ['Credit grants: no Expires column; expiry dates are unknown.'] })]);
    expect(grantsOf(l)).toHaveLength(3);
    expect(grantsOf(l)[2]!.expiresOn).toBe('2027-06-30');
  });

  it('takes a later expiry when the site changes it', () => {
    const l = fold([snapshot({ grants: withExpiry }), snapshot({ grants: withExpiry.map((g, i) => (i === 2 ? { ...g, expiresOn: '2027-07-31' } : g)), seenAt: '2026-11-28T09:00:00' })]);
    expect(grantsOf(l)[2]!.expiresOn).toBe('2027-07-31');
  });

  it('tells a promotion from a purchase of the same day and amount by its expiry, as the promotion is used', () => {
    // Both full at first; then credit is spent from the one that expires first (the promotion).
    const day1 = rows([{ expiresOn: '2027-01-31' }, { expiresOn: '2027-11-30' }]);
    const day2 = rows([{ expiresOn: '2027-11-30' }, { expiresOn: '2027-01-31', remainingCents: 400 }]);
    const day3 = rows([{ expiresOn: null }, { expiresOn: null, remainingCents: 100 }]); // expiry not shown
    for (const order of [[day1, day2, day3], [day3, day2, day1], [day2, day1, day3]]) {
      const l = fold(order.map((grants) => snapshot({ grants, seenAt: `2026-11-2${[day1, day2, day3].indexOf(grants) + 5}T10:00:00` })));
      const gs = grantsOf(l);
      expect(gs).toHaveLength(2);
      const promo = gs.find((g) => g.expiresOn === '2027-01-31')!;
      const bought = gs.find((g) => g.expiresOn === '2027-11-30')!;
      expect(promo.remaining.map((o) => o[0])).toEqual([1000, 400, 100]);
      expect(bought.remaining.map((o) => o[0])).toEqual([1000]);
    }
  });

  it('never makes a grant of a late or missing expiry (property)', () => {
    const arbRows = fc.array(fc.record({ remainingCents: fc.constantFrom(0, 500, 1000), expiresOn: fc.constantFrom('2027-11-30', '2027-01-31') }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(arbRows, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (list, hide) => {
        const full = rows(list);
        const partial = full.map((g, i) => (hide[i] ? { ...g, expiresOn: null } : g));
        const l = fold([snapshot({ grants: full }), snapshot({ grants: partial, seenAt: '2026-11-27T10:00:01' })]);
        expect(grantsOf(l)).toHaveLength(full.length);
      }),
    );
  });
});

describe('pages of a paged grants table', () => {
  const twenty = rows(Array.from({ length: 20 }, () => ({})));
  const five = rows(Array.from({ length: 5 }, () => ({})));
  const at = (p: Partial<TablePosition>): TablePosition => ({ firstRow: null, page: null, pages: null, totalRows: null, ...p });
  const page1 = snapshot({ grants: twenty, tablePosition: at({ page: 1, pages: 2 }) });
  const page2 = snapshot({ grants: five, tablePosition: at({ page: 2, pages: 2 }), seenAt: '2026-11-27T10:01:00' });

  it('adds 20 + 5 identical rows on two pages up to 25, in either order, and a re-read of page 1 adds none', () => {
    for (const order of [[page1, page2], [page2, page1], [page1, page2, { ...page1, seenAt: '2026-11-27T10:02:00' }]]) {
      expect(grantsOf(fold(order))).toHaveLength(25);
    }
    // Without markers, a second read of 5 such rows cannot be told from a re-read: it adds none.
    expect(grantsOf(fold([{ ...page1, tablePosition: null }, { ...page2, tablePosition: null }]))).toHaveLength(20);
  });

  it('places rows by their row numbers ("21–25 of 25"), overlapping pages included', () => {
    const a = snapshot({ grants: twenty, tablePosition: at({ firstRow: 1, totalRows: 25 }) });
    const b = snapshot({ grants: rows(Array.from({ length: 15 }, () => ({}))), tablePosition: at({ firstRow: 11, totalRows: 25 }), seenAt: '2026-11-27T10:01:00' });
    expect(grantsOf(fold([a, b]))).toHaveLength(25);
    expect(grantsOf(fold([b, a]))).toHaveLength(25);
  });

  it('does not count a row twice when the table grew between two pages', () => {
    // Page 1 read when the table had 25 rows; then a grant arrived, and page 2 shows 26.
    const grown = snapshot({ grants: rows(Array.from({ length: 6 }, () => ({}))), tablePosition: at({ firstRow: 21, totalRows: 26 }), seenAt: '2026-11-28T10:00:00' });
    const first = snapshot({ grants: twenty, tablePosition: at({ firstRow: 1, totalRows: 25 }) });
    expect(grantsOf(fold([first, grown]))).toHaveLength(20);
  });

  it('names each row of page 2 with its own grant, not one of page 1', () => {
    const l = fold([page1]);
    const m = mergeSnapshotPlaced(l, page2);
    expect(m.grantIds).toEqual(['g:2026-10-31|1000|USD|20', 'g:2026-10-31|1000|USD|21', 'g:2026-10-31|1000|USD|22', 'g:2026-10-31|1000|USD|23', 'g:2026-10-31|1000|USD|24']);
  });

  // The pager's "Next" control (in a pagination landmark) is read too: enabled, no "Previous".
  it.each([
    ['Page 2 of 3', { firstRow: null, page: 2, pages: 3, totalRows: null, next: true, previous: null }],
    ['Showing 21 to 25 of 25 grants', { firstRow: 21, page: null, pages: null, totalRows: 25, next: true, previous: null }],
    ['21–25 of 25', { firstRow: 21, page: null, pages: null, totalRows: 25, next: true, previous: null }],
  ])('reads the page marker "%s"', (text, position) => {
    const html = `<main>${renderTable('table', 'Credit grants', ['Received', 'Balance'], [['Oct 31, 2026', '$10.00 / $10.00']])}<nav aria-label="Pagination"><span>${text}</span><button>Next</button></nav></main>`;
    expect(readTablePosition(happyDocument(html))).toEqual(position);
    expect(readTablePosition(linkedDocument(html))).toEqual(position);
  });

  it('reads ARIA row numbers', () => {
    const html = `<div role="grid" aria-rowcount="26"><div role="row" aria-rowindex="1"><div role="columnheader">Received</div></div><div role="row" aria-rowindex="22"><div role="gridcell">Oct 31, 2026</div></div></div>`;
    expect(readTablePosition(happyDocument(html))).toEqual({ firstRow: 21, page: null, pages: null, totalRows: 25 });
  });
});

describe('site order', () => {
  // A grants page that does not list by date: the report, the CSV (and so the CLI and the panel)
  // keep the order the site chose.
  const listed = [
    { date: 'May 31, 2026', balance: '$6.20 / $10.00', expires: 'Jun 30, 2027', day: '2026-05-31' },
    { date: 'Oct 31, 2026', balance: '$10.00 / $10.00', expires: 'Nov 30, 2027', day: '2026-10-31' },
    { date: 'Jan 5, 2026', balance: '$3.80 / $5.00', expires: 'Apr 30, 2026', day: '2026-01-05' },
    { date: 'Sep 30, 2026', balance: '$1.00 / $20.00', expires: 'Oct 31, 2027', day: '2026-09-30' },
  ];
  const page = (list: typeof listed) =>
    `<!-- saved from url=(0070)https://platform.openai.com/settings/organization/billing/credit-grants -->\n<html><body><header><button aria-label="Organization: Personal">Personal</button></header><main>${renderTable(
      'table',
      'Credit grants',
      ['Received', 'State', 'Balance', 'Expires'],
      list.map((g) => [g.date, 'Available', g.balance, g.expires]),
    )}</main></body></html>`;
  const read = (html: string, seenAt: string) => readPage(linkedDocument(html), 'credit-grants', pageUrl('credit-grants'), seenAt);

  it('lists grants in the report and the CSV in the order the page lists them', () => {
    const l = fold([read(page(listed), '2026-11-27T10:00:00')]);
    const report = buildReport(l.organizations.Personal!, { today: '2026-11-27' });
    expect(report.grants.map((g) => g.displayedDate)).toEqual(listed.map((g) => g.day));
    const csv = grantsCsv(report).split('\r\n').slice(1, 5).map((line) => line.slice(0, 10));
    expect(csv).toEqual(listed.map((g) => g.day));
  });

  it('follows the page when the site changes its order, and keeps grants it no longer shows', () => {
    const reordered = [listed[3]!, listed[2]!, listed[1]!, listed[0]!];
    const l = fold([read(page(listed), '2026-11-27T10:00:00'), read(page(reordered), '2026-11-28T10:00:00')]);
    expect(l.organizations.Personal!.grants.map((g) => g.displayedDate)).toEqual(reordered.map((g) => g.day));
    // A later read that shows only two of them: those two first, in its order, the others after.
    const l2 = mergeSnapshot(l, read(page([listed[1]!, listed[0]!]), '2026-11-29T10:00:00'));
    expect(l2.organizations.Personal!.grants.map((g) => g.displayedDate)).toEqual(['2026-10-31', '2026-09-30', '2026-05-31', '2026-01-05']);
  });

  it('keeps the seed account in the order its grants page shows', () => {
    const s = readPage(linkedDocument(savedPage('credit-grants', SEED_ACCOUNT)), 'credit-grants', pageUrl('credit-grants'), '2026-11-27T10:00:00');
    expect(grantsOf(fold([s])).map((g) => `${g.displayedDate} ${usd(g.amountCents)}`)).toEqual(s.grants.map((g) => `${g.displayedDate} ${usd(g.amountCents)}`));
    expect(exportLedger(fold([s, s]))).toBe(exportLedger(fold([s])));
  });
});
