// Saved pages read together, for the CLI: the locale their dates are in is given (--locale) or
// worked out from all of them, trying the candidate locales (candidate-locales.ts).
import { CANDIDATE_LOCALES } from '../candidate-locales';
import type { Snapshot } from '../snapshot';
import { readPage, readPageWithAnchors, type PageKind, type ReadOptions } from './index';

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
  const options: ReadOptions = locale ? { locales: [locale], strategy: 'first' } : { candidates: CANDIDATE_LOCALES };
  const reads = pages.map((p) => readPageWithAnchors(p.doc, p.kind, p.url, p.seenAt, options));
  if (locale) return reads.map((r) => r.snapshot);
  const sets = reads.map((r) => r.dateLocales).filter((s) => s.length > 0);
  const common = sets.length ? sets.reduce((a, b) => a.filter((l) => b.includes(l))) : [];
  return reads.map((r, k) => {
    if (!common.length || r.dateLocales.length <= common.length) return r.snapshot;
    const p = pages[k]!;
    return readPage(p.doc, p.kind, p.url, p.seenAt, { locales: common, strategy: 'agree' });
  });
}
