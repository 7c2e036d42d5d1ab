// Every language says everything, and loses nothing it was given: each locale file has every key
// of the English one (no more), keeps each {named} value and the count ($1) of every form, and
// compiles to the _locales/<lang>/messages.json Chrome and Firefox read.
import { readdirSync, readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesObject } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };
const read = (lang: string) => JSON.parse(readFileSync(`locales/${lang}.json`, 'utf8')) as Tree;
const isPlural = (o: Tree) => Object.keys(o).every((k) => k === 'n' || /^\d$/.test(k));

/** key → its forms (one for a plain message). */
function flatten(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, [v]);
    else if (isPlural(v)) out.set(key, Object.values(v) as string[]);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...new Set(s.match(/\{[A-Za-z0-9_]+\}|\$[1-9]/g) ?? [])].sort();
const LANGS = readdirSync('locales')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const english = flatten(read('en'));
/** Words some languages write as English does. */
const COGNATES = new Set(['alert.severity.info', 'statement.total', 'popup.actions', 'meta.locale']);

describe('locales', () => {
  it('include at least English, German, French, Spanish, Japanese, Brazilian Portuguese, Vietnamese and Simplified Chinese', () => {
    expect(LANGS).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es', 'ja', 'pt_BR', 'vi', 'zh_CN']));
  });

  for (const lang of LANGS.filter((l) => l !== 'en')) {
    it(`${lang} has every key, and keeps every placeholder in every form`, () => {
      const messages = flatten(read(lang));
      expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, forms] of english) {
        const theirs = messages.get(key)!;
        const wanted = placeholders(forms.join(' '));
        expect(placeholders(theirs.join(' ')), `${lang} ${key}`).toEqual(wanted);
        // Each form of a counted message shows the count it was given.
        for (const form of theirs) for (const p of ['$1', '{n}']) if (forms.every((f) => f.includes(p))) expect(form, `${lang} ${key}`).toContain(p);
        // Browsers may trim a message: spacing is the code's business.
        for (const form of theirs) expect(form, `${lang} ${key}`).toBe(form.trim());
      }
    });

    it(`${lang} translates what a person reads`, () => {
      const messages = flatten(read(lang));
      const same = [...english].filter(([key, forms]) => messages.get(key)!.join() === forms.join() && !COGNATES.has(key) && !/\{|Credit Lens|^ext\.name$/.test(forms.join()));
      // Only names (Credit Lens, the site's own English labels) may stay as they are.
      expect(same.map(([k]) => k)).toEqual([]);
    });
  }

  it('each says which language it is in (the locale of its dates and money)', () => {
    for (const lang of LANGS) expect(flatten(read(lang)).get('meta.locale'), lang).toEqual([lang.replace('_', '-')]);
  });

  it('compile to the messages browsers read, with no key too long or malformed', () => {
    for (const lang of LANGS) {
      const compiled = generateChromeMessages(parseMessagesObject(read(lang))) as Record<string, { message: string }>;
      for (const key of Object.keys(compiled)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(Object.keys(compiled).length).toBe(english.size);
    }
  });
});
