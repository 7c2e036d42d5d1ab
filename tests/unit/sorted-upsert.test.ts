// Merging a page into a large ledger touches only the page's rows (issue 13, part 3): the result
// must be exactly what joining everything and sorting it again gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateAccount } from '../../demo/generate';
import { savedPage } from '../../demo/site';
import { readPage, pageUrl } from '../../lib/dashboard/pages';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import { joinOrgs, snapshotOrg } from '../../lib/ledger/merge';
import { upsertSorted } from '../../lib/ledger/sorted-upsert';
import { parseHtmlDocument } from '../../lib/audit/html-document';

interface Row {
  id: string;
  key: number;
  seen: number[];
}
const order = (a: Row, b: Row) => a.key - b.key || (a.id === b.id ? 0 : a.id < b.id ? -1 : 1);
// A join that can move a row: the larger key wins, sightings add up.
const join = (a: Row, b: Row): Row => ({ id: a.id, key: Math.max(a.key, b.key), seen: [...a.seen, ...b.seen] });
const id = (r: Row) => r.id;

/** The reference: join by id in order, then sort. */
function joinThenSort(a: readonly Row[], b: readonly Row[]): Row[] {
  const map = new Map<string, Row>();
  for (const x of [...a, ...b]) {
    const had = map.get(x.id);
    map.set(x.id, had ? join(had, x) : x);
  }
  return [...map.values()].sort(order);
}

const arbRow = fc.record({ id: fc.constantFrom(...'abcdefghijklmnopqrst'.split('')), key: fc.integer({ min: 0, max: 12 }), seen: fc.array(fc.nat(9), { maxLength: 2 }) });

describe('upsertSorted', () => {
  it('gives what joining and sorting gives, for any sorted rows and any incoming rows', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbRow, { selector: (r) => r.id, maxLength: 20 }), fc.array(arbRow, { maxLength: 12 }), (rows, incoming) => {
        const sorted = [...rows].sort(order);
        expect(upsertSorted(sorted, incoming, id, join, order)).toEqual(joinThenSort(sorted, incoming));
      }),
      { numRuns: 500 },
    );
  });

  it('stays exact when the result is joined again (the index handed on to the new array)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbRow, { selector: (r) => r.id, maxLength: 20 }), fc.array(fc.array(arbRow, { maxLength: 6 }), { maxLength: 5 }), (rows, pages) => {
        let fast = [...rows].sort(order);
        let slow = fast;
        for (const page of pages) {
          fast = upsertSorted(fast, page, id, join, order)!;
          slow = joinThenSort(slow, page);
        }
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 },
    );
  });

  it('declines rows that are not in order, so the caller sorts them', () => {
    const rows = [{ id: 'b', key: 2, seen: [] }, { id: 'a', key: 1, seen: [] }];
    expect(upsertSorted(rows, [], id, join, order)).toBeNull();
  });
});

describe('a page joined into a large ledger', () => {
  const account = generateAccount(400, 7, { promoRate: 0.05, refundRate: 0.05 });
  const read = (kind: 'credit-grants' | 'billing-history', seenAt: string) => readPage(parseHtmlDocument(savedPage(kind, account)), kind, pageUrl(kind), seenAt);
  const grants = read('credit-grants', '2026-11-27T10:00:00');
  const history = read('billing-history', '2026-11-27T10:00:00');
  const ledger = joinOrgs(snapshotOrg(grants).org, snapshotOrg(history).org);

  it('gives the same organization whichever side is the page (one side joins incrementally, the other sorts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 350 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 300 }), fc.boolean(), (from, count, spent, grantsPage) => {
        // A later read of part of a table: some balances fell, rows moved up by a new one on top.
        const base = grantsPage ? grants : history;
        const page: Snapshot = {
          ...base,
          seenAt: '2026-11-28T09:00:00',
          grants: base.grants.slice(from, from + count).map((g, i) => ({ ...g, position: i + 1, remainingCents: Math.max(0, g.remainingCents - (i % 3 === 0 ? spent : 0)) })),
          invoices: base.invoices.slice(from, from + count).map((inv, i) => ({ ...inv, position: i + 1 })),
        };
        const small = snapshotOrg(page).org;
        expect(joinOrgs(ledger, small)).toEqual(joinOrgs(small, ledger));
      }),
      { numRuns: 60 },
    );
  });
});
