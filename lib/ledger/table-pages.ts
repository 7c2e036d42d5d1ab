// A grants table the site shows in pages ("Page 2 of 3", "21–25 of 25"): the pages are put
// together before their rows are ranked (identity.ts), so identical rows on page 2 are added to
// those of page 1 instead of being taken for a re-read of it. The ledger keeps the latest read of
// each page; a page read again replaces its earlier read. Pages of one table agree on its size
// ("of 25"): when the size changes (a new grant arrived and every row moved down), the pages read
// before no longer fit with the new ones and are left out, so no row is counted twice.
import type { GrantRow, Snapshot } from '../dashboard/snapshot';
import type { GrantPage, PagedGrantRow } from './schema';

/** A grant row placed in the whole table: `position` counts from its first row; `origin` is the page read it came from. */
export type PlacedRow = Omit<GrantRow, 'position'> & { position: number; origin: { key: string; index: number } };

/** The page of a paged table this snapshot shows, or null when it shows the whole table (or cannot say). */
export function grantPageOf(snapshot: Snapshot): GrantPage | null {
  const p = snapshot.tablePosition;
  if (!p || snapshot.grants.length === 0) return null;
  const total = p.totalRows !== null ? `rows:${p.totalRows}` : p.pages !== null ? `pages:${p.pages}` : null;
  const key = p.firstRow !== null ? `row:${p.firstRow}` : p.page !== null ? `page:${p.page}` : null;
  if (total === null || key === null) return null;
  const whole = p.totalRows !== null ? p.totalRows <= snapshot.grants.length && (p.firstRow ?? 1) === 1 : p.pages === 1;
  if (whole) return null;
  const rows: PagedGrantRow[] = snapshot.grants.map(({ displayedDate, amountCents, remainingCents, currency, expiresOn, state, stateText }) => ({
    displayedDate,
    amountCents,
    remainingCents,
    currency,
    expiresOn,
    state,
    stateText,
  }));
  return { key, seenAt: snapshot.seenAt, total, rows };
}

const number = (key: string) => Number(key.slice(key.indexOf(':') + 1));

/** The newest read of each page, keeping only the pages that fit the newest read's table. */
export function currentPages(pages: readonly GrantPage[]): GrantPage[] {
  const byKey = new Map<string, GrantPage>();
  for (const p of pages) {
    const had = byKey.get(p.key);
    if (!had || p.seenAt > had.seenAt || (p.seenAt === had.seenAt && JSON.stringify(p) > JSON.stringify(had))) byKey.set(p.key, p);
  }
  const all = [...byKey.values()];
  const newest = all.reduce<GrantPage | null>((n, p) => (!n || p.seenAt > n.seenAt || (p.seenAt === n.seenAt && p.key > n.key) ? p : n), null);
  if (!newest) return [];
  const kind = newest.key.split(':')[0];
  return all.filter((p) => p.total === newest.total && p.key.startsWith(`${kind}:`)).sort((a, b) => number(a.key) - number(b.key));
}

export interface Assembled {
  rows: PlacedRow[];
  /** The earliest read among the pages: every balance is a lower bound of the balance then. */
  seenAt: string;
  pages: GrantPage[];
}

/**
 * The whole table as far as its pages were read. Rows keep their place in the table; where two
 * reads cover the same rows ("1–20", then "11–30"), the newer read gives them.
 */
export function assembleGrantPages(pages: readonly GrantPage[]): Assembled {
  const current = currentPages(pages);
  const seenAt = current.reduce((m, p) => (p.seenAt < m ? p.seenAt : m), current[0]?.seenAt ?? '');
  const rows: PlacedRow[] = [];
  if (current[0]?.key.startsWith('row:')) {
    const at = new Map<number, { seenAt: string; row: PagedGrantRow; origin: PlacedRow['origin'] }>();
    for (const p of current) {
      p.rows.forEach((row, i) => {
        const position = number(p.key) - 1 + i;
        const had = at.get(position);
        if (!had || p.seenAt > had.seenAt) at.set(position, { seenAt: p.seenAt, row, origin: { key: p.key, index: i } });
      });
    }
    for (const [position, { row, origin }] of [...at].sort((a, b) => a[0] - b[0])) rows.push({ ...row, position, origin });
  } else {
    // Page numbers only: a page's place is after every page before it; pages not read yet count
    // as long as the longest page read, so the order stays the site's.
    const size = Math.max(0, ...current.map((p) => p.rows.length));
    let next = 1;
    let offset = 0;
    for (const p of current) {
      offset += (number(p.key) - next) * size;
      p.rows.forEach((row, i) => rows.push({ ...row, position: offset + i, origin: { key: p.key, index: i } }));
      offset += p.rows.length;
      next = number(p.key) + 1;
    }
  }
  return { rows, seenAt, pages: current };
}
