// The parts of a paged billing history that were read ("Page 2 of 3", or where the Previous/Next
// controls put a read). Invoices of all parts are merged by number (merge.ts); this only keeps
// which parts were seen, so the analysis can tell a history read whole from one read in part.
import type { Snapshot } from '../dashboard/snapshot';
import type { HistoryPage } from './schema';

/** The part of the billing history this snapshot shows, or null when it shows no paging at all. */
export function historyPageOf(snapshot: Snapshot): HistoryPage | null {
  const p = snapshot.tablePosition;
  if (snapshot.page !== 'billing-history' || !p) return null;
  if (p.page !== null && p.pages !== null) return { key: `page:${p.page}/${p.pages}`, seenAt: snapshot.seenAt };
  const next = p.next ?? false;
  const previous = p.previous ?? false;
  if (p.next == null && p.previous == null) return null;
  const key = next && previous ? 'middle' : next ? 'first' : previous ? 'last' : 'only';
  return { key, seenAt: snapshot.seenAt };
}

/** Each part once, with its latest read; in a fixed order so equal ledgers are equal bytes. */
export function joinHistoryPages(a: readonly HistoryPage[], b: readonly HistoryPage[]): HistoryPage[] {
  const byKey = new Map<string, HistoryPage>();
  for (const p of [...a, ...b]) {
    const had = byKey.get(p.key);
    if (!had || p.seenAt > had.seenAt) byKey.set(p.key, p);
  }
  return [...byKey.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export interface HistoryCoverage {
  /** Whether every part of the billing history was read (true when it shows no paging). */
  whole: boolean;
  /** Page numbers read, and the page count, when the pages are numbered. */
  pagesRead: number[];
  pages: number | null;
}

/**
 * Numbered pages: whole when every page 1..N of the newest count was read. Unnumbered: whole
 * when the newest read was the only page, or the first and the last were read with nothing
 * between them seen (a middle part means pages between that cannot be counted).
 */
export function historyCoverage(parts: readonly HistoryPage[]): HistoryCoverage {
  if (parts.length === 0) return { whole: true, pagesRead: [], pages: null };
  const numbered = parts.filter((p) => p.key.startsWith('page:')).map((p) => ({ ...p, n: Number(p.key.slice(5).split('/')[0]), of: Number(p.key.split('/')[1]) }));
  if (numbered.length) {
    const newest = numbered.reduce((m, p) => (p.seenAt > m.seenAt ? p : m));
    const read = [...new Set(numbered.filter((p) => p.of === newest.of).map((p) => p.n))].sort((x, y) => x - y);
    return { whole: read.length === newest.of, pagesRead: read, pages: newest.of };
  }
  const newest = parts.reduce((m, p) => (p.seenAt > m.seenAt ? p : m));
  const has = (k: string) => parts.some((p) => p.key === k);
  const whole = newest.key === 'only' || (has('first') && has('last') && !has('middle'));
  return { whole, pagesRead: [], pages: null };
}
