// Fuzz the reader with generated tables: any markup, header words in any case, extra columns,
// valid rows and junk rows. It never throws; every data row is recorded or named in a warning;
// valid rows are read exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderTable, usd } from '../../demo/pages';
import { readPage, pageUrl } from '../../lib/dashboard/pages';
import { linkedDocument } from '../support/read-dom';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const validGrant = fc.record({
  y: fc.integer({ min: 2020, max: 2030 }),
  m: fc.integer({ min: 0, max: 11 }),
  d: fc.integer({ min: 1, max: 28 }),
  amount: fc.integer({ min: 0, max: 10_000_000 }),
  usedShare: fc.double({ min: 0, max: 1, noNaN: true }),
});
const junk = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('N/A', '—', '', 'yesterday', '$', '<b>x</b>', '$1,2,3', 'Feb 30, 2025'));
const header = (words: string[]) => fc.constantFrom(...words).chain((w) => fc.constantFrom(w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)));

describe('reader fuzz', () => {
  it('reads generated grants tables exactly, or says why', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('table' as const, 'aria' as const, 'div' as const),
        header(['received', 'date', 'granted']),
        header(['state', 'status']),
        header(['balance', 'remaining']),
        header(['expires', 'expiry', 'expiration']),
        fc.boolean(),
        fc.array(fc.oneof({ weight: 3, arbitrary: validGrant.map((g) => ({ ok: true as const, g })) }, { weight: 1, arbitrary: fc.tuple(junk, junk).map(([a, b]) => ({ ok: false as const, a, b })) }), { maxLength: 25 }),
        (markup, hDate, hState, hBalance, hExpires, extra, rows) => {
          const headers = [hDate, hState, hBalance, hExpires, ...(extra ? ['Actions'] : [])];
          const cells = rows.map((r) => {
            if (!r.ok) return [escapeHtml(r.a), 'Available', escapeHtml(r.b), 'Dec 31, 2030', ...(extra ? ['x'] : [])];
            const { y, m, d, amount, usedShare } = r.g;
            const remaining = Math.floor(amount * (1 - usedShare));
            return [`${MONTHS[m]} ${d}, ${y}`, 'Available', `${usd(remaining)} / ${usd(amount)}`, 'Dec 31, 2030', ...(extra ? ['<a href="#">Details</a>'] : [])];
          });
          const html = `<html><body>${renderTable(markup, 'Grants', headers, cells)}</body></html>`;
          const s = readPage(linkedDocument(html), 'credit-grants', pageUrl('credit-grants'), '2026-11-27T10:00:00');
          // A table with no data rows may not be recognised as one (a div grid needs rows).
          if (rows.length > 0 || markup !== 'div') expect(s.understood).toBe(true);
          const notRecorded = s.warnings.filter((w) => w.includes('was not recorded')).length;
          expect(s.grants.length + notRecorded).toBe(rows.length);
          let k = 0;
          for (const r of rows) {
            if (!r.ok) continue;
            const { y, m, d, amount, usedShare } = r.g;
            const g = s.grants.find((x, i) => i >= k && x.displayedDate === `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}` && x.amountCents === amount);
            expect(g, 'a valid row must be read').toBeDefined();
            expect(g!.remainingCents).toBe(Math.floor(amount * (1 - usedShare)));
            k = s.grants.indexOf(g!) + 1;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
