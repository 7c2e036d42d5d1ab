// Saved pages are read together in the locales all their dates fit (the CLI, no --locale). The
// common locales are found without trying all 31 on every page (issue 13, part 4): the result
// must be exactly what trying them all on every page gives.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { parseHtmlDocument } from '../../lib/audit/html-document';
import { kindOfSavedPage, pageUrl, readPage, readPageWithAnchors } from '../../lib/dashboard/pages';
import { readSavedPages, type SavedPage } from '../../lib/dashboard/pages/saved-pages';

/** The reference: every page read in all locales, then the ones with more fits than the common ones read again in those. */
function everyLocaleOnEveryPage(pages: readonly SavedPage[]) {
  const reads = pages.map((p) => readPageWithAnchors(p.doc, p.kind, p.url, p.seenAt, {}));
  const sets = reads.map((r) => r.dateLocales).filter((s) => s.length > 0);
  const common = sets.length ? sets.reduce((a, b) => a.filter((l) => b.includes(l))) : [];
  return reads.map((r, k) => {
    if (!common.length || r.dateLocales.length <= common.length) return r.snapshot;
    const p = pages[k]!;
    return readPage(p.doc, p.kind, p.url, p.seenAt, { locales: common, strategy: 'agree' });
  });
}

const saved = (name: string, html: string): SavedPage & { name: string } => {
  const doc = parseHtmlDocument(html);
  const { kind, url } = kindOfSavedPage(html, doc);
  return { name, doc, kind: kind!, url: url ?? pageUrl(kind!), seenAt: '2026-11-27T10:00:00' };
};
const dir = 'tests/fixtures/locales';
const files = readdirSync(dir).flatMap((locale) => readdirSync(join(dir, locale)).map((f) => saved(`${locale}/${f}`, readFileSync(join(dir, locale, f), 'utf8'))));
const demo = ['en-US', 'en-GB', 'de-DE'].flatMap((locale) =>
  (['credit-grants', 'billing-history', 'overview'] as const).map((kind) => saved(`${locale} ${kind}`, savedPage(kind, SEED_ACCOUNT, { locale }))),
);
const all = [...files, ...demo];

describe('saved pages read together', () => {
  it('read exactly as when every locale is tried on every page, for any mix and order of pages', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...all.keys()], { minLength: 1, maxLength: 4 }), (picked) => {
        const pages = picked.map((k) => all[k]!);
        expect({ pages: pages.map((p) => p.name), reads: readSavedPages(pages) }).toEqual({ pages: pages.map((p) => p.name), reads: everyLocaleOnEveryPage(pages) });
      }),
      { numRuns: 150 },
    );
  });
});
