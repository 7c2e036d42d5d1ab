// Every header, status and label word the reader accepts carries its evidence (a line of the
// reference, or "assumed") and is relied on by the reading of some fixture page: no word is
// accepted that no page we have shows.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOfSavedPage, PAGE_KINDS, PAGES, pageUrl, readPageWithAnchors, type PageKind } from '../../lib/dashboard/pages';
import { REF, type EvidenceKey } from '../../lib/dashboard/pages/evidence';
import { EVIDENCE_QUOTES } from '../../lib/dashboard/pages/evidence-quotes';
import { ownTexts } from '../../lib/dashboard/page-text';
import { words } from '../../lib/dashboard/text';
import { linkedDocument } from '../support/read-dom';

/** A word's evidence as a person reads it: the quoted reference line, or "assumed". */
const quote = (evidence: string) => (evidence in REF ? EVIDENCE_QUOTES[evidence as EvidenceKey] : evidence);

const ROOT = resolve('tests/fixtures');
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));

/** Per page kind: the words its fixtures' reads relied on, and the texts they show. */
function fixtureUse(): Record<PageKind, { used: Set<string>; texts: string[] }> {
  const out = Object.fromEntries(PAGE_KINDS.map((k) => [k, { used: new Set<string>(), texts: [] as string[] }])) as Record<PageKind, { used: Set<string>; texts: string[] }>;
  for (const file of htmlFiles(ROOT)) {
    const html = readFileSync(file, 'utf8');
    const doc = linkedDocument(html);
    const { kind } = kindOfSavedPage(html, doc);
    if (!kind) continue;
    const read = readPageWithAnchors(doc, kind, pageUrl(kind), '2026-11-27T10:00:00');
    for (const u of read.used) out[kind].used.add(u);
    out[kind].texts.push(...ownTexts(doc).map(words));
  }
  return out;
}

describe('the accepted words', () => {
  const vocab = PAGE_KINDS.flatMap((kind) => Object.entries(PAGES[kind].vocabulary).flatMap(([group, ws]) => ws.map((w) => ({ kind, group, ...w }))));

  it('each carries its evidence: a quoted line of the reference with its certainty, or "assumed"', () => {
    for (const w of vocab) expect(quote(w.evidence), `${w.kind} ${w.group} "${w.text}"`).toMatch(/^(assumed|reference, [^:]+: .*".+".* \((H|M|L)\))$/);
    for (const kind of PAGE_KINDS) for (const w of PAGES[kind].identifying) expect(quote(w.evidence)).toMatch(/^(assumed|reference, .+ \((H|M|L)\))$/);
  });

  it('are lower-case words, as headers and labels are compared', () => {
    for (const w of vocab) expect(words(w.text), w.text).toBe(w.text);
  });

  it('each is relied on by the reading of some fixture page', () => {
    const use = fixtureUse();
    const missing = vocab
      .filter((w) => {
        const seen = use[w.kind];
        if (w.group === 'identifying') return !seen.texts.some((t) => t === w.text || t.startsWith(`${w.text} `));
        return !seen.used.has(`${w.group}:${w.text}`);
      })
      .map((w) => `${w.kind} ${w.group}: "${w.text}"`);
    expect(missing).toEqual([]);
  });

  it('identify each page by content where no address says which it is', () => {
    const use = fixtureUse();
    for (const kind of PAGE_KINDS) {
      const said = PAGES[kind].identifying.filter((w) => use[kind].texts.some((t) => t === w.text || t.startsWith(`${w.text} `)));
      expect(said.map((w) => w.text)).toEqual(PAGES[kind].identifying.map((w) => w.text));
    }
  });
});
