import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceRow, Snapshot } from '../../lib/dashboard/snapshot';
import { loadLedger } from '../../lib/ledger/load';
import { MIGRATIONS } from '../../lib/ledger/migrate';
import { ledgerCounts, mergeSnapshot, snapshotOrg } from '../../lib/ledger/merge';
import { cluesOf, heldId } from '../../lib/ledger/organizations';
import { emptyLedger, LEDGER_VERSION, type Ledger } from '../../lib/ledger/schema';
import { exportLedger, importLedger } from '../../lib/ledger/transfer';
import { grantRow as grant } from '../support/snapshots';


const snapshot = (over: Partial<Snapshot>): Snapshot => ({
  page: 'credit-grants',
  url: 'https://platform.openai.com/settings/organization/billing/credit-grants',
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

const fold = (snaps: Snapshot[], start: Ledger = emptyLedger()) => snaps.reduce(mergeSnapshot, start);
const canonical = (l: Ledger) => exportLedger(l);

// Small domains so that identical rows and repeated sightings are common.
const arbGrant = fc.record({
  position: fc.constant(0),
  displayedDate: fc.constantFrom('2026-09-30', '2026-10-31'),
  state: fc.constantFrom('available' as const, 'expired' as const),
  stateText: fc.constantFrom('Available', 'Expired'),
  amountCents: fc.constantFrom(500, 1000),
  remainingCents: fc.constantFrom(0, 250, 500),
  currency: fc.constant('USD'),
  expiresOn: fc.constantFrom('2027-10-31', null),
});
// An invoice number always shows the same amount and date (another would be another customer's).
const arbInvoice: fc.Arbitrary<InvoiceRow> = fc
  .record({ n: fc.constantFrom(1, 2, 3), refunded: fc.boolean() })
  .map(({ n, refunded }) => ({
    position: 0,
    number: `AAAA-000${n}`,
    status: refunded ? ('refunded' as const) : ('paid' as const),
    statusText: refunded ? 'Refunded' : 'Paid',
    totalCents: 1089,
    currency: 'USD',
    createdAt: `2026-11-03T1${n}:02`,
    url: null,
  }));
const arbSnapshot = fc.record({
  page: fc.constantFrom('credit-grants' as const, 'billing-history' as const),
  organization: fc.constantFrom('Personal', 'Acme', null),
  seenAt: fc.constantFrom('2026-11-01T10:00:00', '2026-11-02T10:00:00', '2026-11-03T10:00:00'),
  grants: fc.array(arbGrant, { maxLength: 8 }),
  invoices: fc.uniqueArray(arbInvoice, { maxLength: 3, selector: (i) => i.number }),
}).map((s) => snapshot(s));

describe('merge', () => {
  it('is idempotent: the same snapshot twice changes nothing', () => {
    fc.assert(
      fc.property(fc.array(arbSnapshot, { maxLength: 5 }), arbSnapshot, (history, s) => {
        const once = mergeSnapshot(fold(history), s);
        expect(canonical(mergeSnapshot(once, s))).toBe(canonical(once));
      }),
    );
  });

  it('does not depend on the order snapshots arrive in', () => {
    fc.assert(
      fc.property(fc.array(arbSnapshot, { maxLength: 6 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))), ([xs, shuffled]) => {
        expect(canonical(fold(shuffled))).toBe(canonical(fold(xs)));
      }),
    );
  });

  it('never forgets: every invoice stays, and each group keeps as many grants as any snapshot showed', () => {
    fc.assert(
      fc.property(fc.array(arbSnapshot, { minLength: 1, maxLength: 6 }), (xs) => {
        const ledger = fold(xs);
        for (const s of xs) {
          // Unnamed reads are held, never joined to a named organization.
          const id = heldId(s.page, cluesOf(s), snapshotOrg(s).org);
          const org = s.organization === null ? ledger.held.find((h) => h.id === id)!.org : ledger.organizations[s.organization]!;
          for (const inv of s.invoices) expect(org.invoices.some((i) => i.number === inv.number)).toBe(true);
          const groups = new Map<string, number>();
          for (const g of s.grants) groups.set(JSON.stringify([g.displayedDate, g.amountCents]), (groups.get(JSON.stringify([g.displayedDate, g.amountCents])) ?? 0) + 1);
          for (const [key, n] of groups) {
            const [d, a] = JSON.parse(key) as [string, number];
            expect(org.grants.filter((g) => g.displayedDate === d && g.amountCents === a).length).toBeGreaterThanOrEqual(n);
          }
        }
      }),
    );
  });

  it('keeps seven identical grants as seven, and partial use of one does not make an eighth', () => {
    const seven = Array.from({ length: 7 }, () => grant());
    const day1 = snapshot({ seenAt: '2026-11-04T09:00:00', grants: seven });
    const used = seven.map((g, i) => (i === 3 ? { ...g, remainingCents: 600 } : g));
    const day2 = snapshot({ seenAt: '2026-11-05T09:00:00', grants: [used[3]!, ...used.slice(0, 3), ...used.slice(4)] });
    for (const order of [[day1, day2], [day2, day1], [day1, day2, day1, day2]]) {
      const org = fold(order).organizations.Personal!;
      expect(org.grants).toHaveLength(7);
      const latest = org.grants.map((g) => g.remaining.reduce((best, o) => (o[2] > best[2] ? o : best))[0]);
      expect(latest.reduce((a, b) => a + b, 0)).toBe(6600);
      expect(latest.filter((c) => c === 600)).toHaveLength(1);
    }
  });

  it('remembers a status change: paid, later refunded', () => {
    const inv = { position: 0, number: 'AAAA-0001', status: 'paid' as const, statusText: 'Paid', totalCents: 1089, currency: 'USD', createdAt: '2026-11-03T13:02', url: null };
    const l = fold([
      snapshot({ page: 'billing-history', seenAt: '2026-11-04T09:00:00', invoices: [inv] }),
      snapshot({ page: 'billing-history', seenAt: '2026-11-20T09:00:00', invoices: [{ ...inv, status: 'refunded', statusText: 'Refunded' }] }),
    ]);
    expect(l.organizations.Personal!.invoices[0]!.statuses.map((s) => s[0])).toEqual(['paid', 'refunded']);
  });

  it('keeps organizations apart', () => {
    const l = fold([snapshot({ organization: 'A', grants: [grant()] }), snapshot({ organization: 'B', grants: [grant(), grant()] })]);
    expect(l.organizations.A!.grants).toHaveLength(1);
    expect(l.organizations.B!.grants).toHaveLength(2);
  });
});

describe('stored shape', () => {
  const golden = readFileSync(resolve('tests/fixtures/ledger-v1.json'), 'utf8');
  const goldenV2 = readFileSync(resolve('tests/fixtures/ledger-v2.json'), 'utf8');
  const goldenV3 = readFileSync(resolve('tests/fixtures/ledger-v3.json'), 'utf8');
  const TODAY = '2026-11-27';

  it('upgrades the golden version 1 example step by step: to exactly version 2, then to version 3', () => {
    expect(`${JSON.stringify(MIGRATIONS[1]!(JSON.parse(golden)).value)}\n`).toBe(goldenV2);
    const loaded = loadLedger(JSON.parse(golden));
    expect(loaded.ok).toBe(true);
    expect(ledgerCounts(loaded.ledger)).toEqual({ organizations: 1, grants: 9, invoices: 8 });
    expect(exportLedger(loaded.ledger)).toBe(goldenV3);
  });

  it('reads the golden version 2 and 3 examples, and a new version needs a step and a golden example', () => {
    expect(exportLedger(loadLedger(JSON.parse(goldenV2)).ledger)).toBe(goldenV3);
    const loaded = loadLedger(JSON.parse(goldenV3));
    expect(loaded.ok).toBe(true);
    expect(exportLedger(loaded.ledger)).toBe(goldenV3);
    expect(LEDGER_VERSION).toBe(3);
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual([1, 2]);
  });

  it('stores compactly: times shared, ids not stored', () => {
    expect(goldenV3.length).toBeLessThan(golden.length * 0.6);
    expect(goldenV3).not.toContain('"id"');
  });

  it('recovers the intact rows of a damaged version 2 or 3 ledger', () => {
    for (const [text, grantAt, totalAt] of [
      [goldenV2, 8, 1],
      [goldenV3, 9, 1],
    ] as const) {
      const raw = JSON.parse(text);
      raw.organizations.Personal.grants[0][grantAt] = 'garbage';
      raw.organizations.Personal.invoices[1][totalAt] = 'ten';
      const loaded = loadLedger(raw);
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.recovered).toEqual({ grants: 8, invoices: 7, dropped: 2 });
    }
  });

  it('recovers what it can from a damaged version 1 ledger and says so', () => {
    const raw = JSON.parse(golden);
    raw.organizations.Personal.grants[2].remaining = 'lots';
    raw.organizations.Personal.invoices[0].totalCents = 10.5;
    const loaded = loadLedger(raw);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.reason).toMatch(/damaged/);
    expect(loaded.recovered).toEqual({ grants: 8, invoices: 7, dropped: 2 });
    expect(ledgerCounts(loaded.ledger)).toMatchObject({ grants: 8, invoices: 7 });
  });

  it('does not read a ledger from a newer version, and says which', () => {
    const loaded = loadLedger({ schema: 'credit-lens/ledger', version: 4, organizations: {} });
    expect(loaded).toMatchObject({ ok: false, newer: 4, reason: expect.stringMatching(/version 4, newer than this Credit Lens/) });
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['another file', '{"hello": 1}', /not a Credit Lens data export/],
    ['a newer version', JSON.stringify({ schema: 'credit-lens/ledger', version: 99, organizations: {} }), /newer than this Credit Lens/],
    ['a damaged export', golden.replace('"amountCents":1000', '"amountCents":"ten"'), /damaged.*Nothing was imported/],
  ])('refuses to import %s, changing nothing', (_name, text, message) => {
    const r = importLedger(emptyLedger(), text, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(message);
  });

  it('export → import into an empty ledger restores it exactly; importing it again adds nothing', () => {
    const original = loadLedger(JSON.parse(golden)).ledger;
    const text = exportLedger(original);
    const first = importLedger(emptyLedger(), text, TODAY);
    expect(first.ok && exportLedger(first.ledger)).toBe(text);
    expect(first.ok && first.preview.added).toEqual({ grants: 9, invoices: 8, organizations: 1, held: 0 });
    const again = first.ok ? importLedger(first.ledger, text, TODAY) : null;
    expect(again?.ok && again.preview.added).toEqual({ grants: 0, invoices: 0, organizations: 0, held: 0 });
  });
});
