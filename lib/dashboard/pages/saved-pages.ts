// Saved pages read together, for the CLI: the locale their dates are in is given (--locale) or
// worked out from all of them, trying the candidate locales (candidate-locales.ts).
import { CANDIDATE_LOCALES } from '../candidate-locales';
import type { Snapshot } from '../snapshot';
import { readPageWithAnchors, type PageKind, type PageRead, type ReadOptions } from './index';

/** Every candidate locale: the common ones, then the rest when none of those reads a page. */
const ALL: ReadOptions = { candidates: CANDIDATE_LOCALES };

export interface SavedPage {
  doc: Document;
  kind: PageKind;
  url: string;
  seenAt: string;
}

/**
 * Read saved pages together (the CLI). With a locale, every date is read in it. Without, each
 * page keeps the candidate locales that read all its dates; where the pages' candidates narrow
 * each other (one page's 03/04/2026 is settled by another's 13/04/2026), a page read ambiguously
 * is read again in the locales that read every page.
 */
export function readSavedPages(pages: readonly SavedPage[], locale?: string): Snapshot[] {
  const read = (p: SavedPage, options: ReadOptions) => readPageWithAnchors(p.doc, p.kind, p.url, p.seenAt, options);
  if (locale) return pages.map((p) => read(p, { locales: [locale], strategy: 'first' }).snapshot);
  // The locales every page's dates fit in (`common`), found without trying all 31 on each page:
  // the first page with dates tries them all (a grants page first: its days are the quickest to
  // try), each next one only those still in. A page none of those read in full is tried on all
  // of them after all (its own best fits count then).
  const order = pages.map((_, k) => k).sort((a, b) => Number(pages[b]!.kind === 'credit-grants') - Number(pages[a]!.kind === 'credit-grants'));
  const reads: PageRead[] = [];
  /** Read with all 31 locales (else with the candidates left then). */
  const full: boolean[] = [];
  let common: readonly string[] | null = null;
  for (const k of order) {
    full[k] = !common?.length;
    let r: PageRead = full[k] ? read(pages[k]!, ALL) : read(pages[k]!, { locales: common!, strategy: 'agree' });
    if (!full[k] && !r.datesComplete) {
      r = read(pages[k]!, ALL);
      full[k] = true;
    }
    reads[k] = r;
    const own: readonly string[] = r.dateLocales;
    if (own.length) common = common ? common.filter((l) => own.includes(l)) : own;
  }
  const fits = common ?? [];
  return reads.map((r, k) => {
    const p = pages[k]!;
    if (fits.length) {
      // Every page in exactly the common locales (a read whose fits are those already was).
      if (!r.dateLocales.length || r.dateLocales.length === fits.length) return r.snapshot;
      return read(p, { locales: fits, strategy: 'agree' }).snapshot;
    }
    // The pages' dates fit no locale together: each page as all locales read it.
    return full[k] ? r.snapshot : read(p, ALL).snapshot;
  });
}
