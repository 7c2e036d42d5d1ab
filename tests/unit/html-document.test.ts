// The CLI's own small DOM (lib/audit/html-document.ts) must read every page exactly as the
// browser-like DOM (happy-dom) does: every fixture, every demo page in every markup, the hostile
// corpus, under every page kind.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAccount } from '../../demo/generate';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { parseHtmlDocument } from '../../lib/audit/html-document';
import { pageOutline } from '../../lib/dashboard/outline';
import { kindByContent, PAGE_KINDS, pageUrl, readPage } from '../../lib/dashboard/pages';
import { hostileCorpus } from '../support/hostile-corpus';
import { happyDocument, linkedDocument } from '../support/read-dom';

const SEEN = '2026-11-27T10:00:00';

function htmlFiles(dir: string): { name: string; html: string }[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return f.endsWith('.html') ? [{ name: path, html: readFileSync(path, 'utf8') }] : [];
  });
}

const markups = ['table', 'aria', 'div'] as const;
const pages = [
  ...htmlFiles(resolve('tests/fixtures')),
  ...markups.flatMap((m) => PAGE_KINDS.map((kind) => ({ name: `seed ${kind} (${m})`, html: savedPage(kind, SEED_ACCOUNT, { grantsMarkup: m, invoicesMarkup: m }) }))),
  ...PAGE_KINDS.map((kind) => ({ name: `generated ${kind}`, html: savedPage(kind, generateAccount(120, 3)) })),
  ...hostileCorpus().filter((p) => p.name !== 'ten-thousand-rows.html'),
];

// Where happy-dom itself parts from the HTML standard, compare with linkedom (also a tokenizer
// that follows it there). truncated-mid-tag ends in "</di": a browser drops a tag cut off by the
// end of the file (eof-in-tag), happy-dom keeps it as text.
const HAPPY_DOM_DEVIATES = new Set(['truncated-mid-tag.html']);

describe('the CLI DOM reads as the browser does', { timeout: 120_000 }, () => {
  it.each(pages.map((p) => [p.name, p] as const))('%s', (name, page) => {
    const light = parseHtmlDocument(page.html);
    const happy = HAPPY_DOM_DEVIATES.has(name) ? linkedDocument(page.html) : happyDocument(page.html);
    for (const kind of PAGE_KINDS) {
      expect(readPage(light, kind, pageUrl(kind), SEEN)).toEqual(readPage(happy, kind, pageUrl(kind), SEEN));
    }
    expect(kindByContent(light)).toEqual(kindByContent(happy));
    expect(pageOutline(light)).toEqual(pageOutline(happy));
  });

  it('builds html, head and body as a browser does, whatever the file holds', () => {
    const cases: [string, string, string][] = [
      ['', '', ''],
      ['text only', '', 'text only'],
      ['<table><tr><td>x</td></tr></table>', '', 'x'],
      ['<title>t</title><p>a<p>b', 't', 'ab'],
    ];
    for (const [html, head, body] of cases) {
      const doc = parseHtmlDocument(html);
      expect(doc.documentElement.tagName).toBe('HTML');
      expect([doc.head.textContent, doc.body.textContent]).toEqual([head, body]);
    }
    expect(parseHtmlDocument('<table><tr><td>x</td></tr></table>').querySelector('table > tbody > tr > td')?.textContent).toBe('x');
  });

  it('decodes entities and keeps template contents out of the text', () => {
    const doc = parseHtmlDocument('<div id="a" title="x &amp; y">a &amp; b&nbsp;&#x41;</div><template><p>t</p></template>');
    expect(doc.querySelector('#a')!.textContent).toBe('a & b\u00a0A');
    expect(doc.querySelector('#a')!.getAttribute('title')).toBe('x & y');
    expect(doc.body.textContent).toBe('a & b\u00a0A');
  });
});
