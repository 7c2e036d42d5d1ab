// Scraped text is data: trimmed, stripped of control and bidi-override characters, capped.

export const MAX_CELL_CHARS = 500;

// C0/C1 controls (tab and newline become spaces first), bidi embeddings/overrides/isolates,
// zero-width characters and the BOM.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

// Plain printable text with single spaces needs no more than a trim (most cells): one test.
const PLAIN = /^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/;

export function cleanText(raw: string | null | undefined, max = MAX_CELL_CHARS): string {
  if (!raw) return '';
  if (raw.length <= max && PLAIN.test(raw)) return raw;
  const text = raw.replace(/[\t\n\r\u00A0\u2007\u202F]/g, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const wordsCache = new Map<string, string>();

/** Lower-case words only: how header cells and labels are compared. */
export function words(raw: string | null | undefined): string {
  if (!raw) return '';
  let w = wordsCache.get(raw);
  if (w === undefined) {
    w = cleanText(raw, 200)
      .toLowerCase()
      .replace(/[^a-z#]+/g, ' ')
      .trim();
    if (wordsCache.size > 5000) wordsCache.clear();
    wordsCache.set(raw, w);
  }
  return w;
}

/** Quote a scraped value inside a warning, short. */
export function quote(text: string): string {
  const t = cleanText(text, 60);
  return t ? `"${t}"` : 'an empty cell';
}

// Never text a person reads: scripts, styles, templates, and an SVG's tooltip title/description.
const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TITLE', 'DESC']);

// What markup alone says about whether an element is shown. Stylesheets are not read (the CLI has
// none and both test DOMs must agree), so only attributes, inline styles and the usual class
// names count. Hidden: the `hidden` attribute, aria-hidden, display:none / visibility:hidden, and
// the visually-hidden utility classes. Unsure: inline styles and responsive classes that may or
// may not hide their text; a value that holds one cannot be read with confidence.
const HIDDEN_CLASS = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-only|screen-reader-text|a11y-hidden|hidden-visually|hidden|d-none|invisible|is-hidden)(?=\s|$)/i;
// Responsive utilities: hidden at some widths (`md:hidden`), or hidden but shown at some (`hidden md:inline`).
const RESPONSIVE_HIDE = /(?:^|\s)(?:[\w-]+:(?:hidden|invisible|sr-only)|d-\w+-none)(?=\s|$)/i;
const RESPONSIVE_SHOW = /(?:^|\s)(?:[\w-]+:(?:block|inline|inline-block|inline-flex|flex|grid|table|table-row|table-row-group|table-cell|contents|visible|not-sr-only)|d-\w+-(?:block|inline|inline-block|flex|grid|table|table-row|table-cell))(?=\s|$)/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?=;|$)/i;
const UNSURE_STYLE = /(?:^|;)\s*(?:opacity\s*:\s*0*\.?0*\s*(?:!important\s*)?(?=;|$)|font-size\s*:\s*0|clip(?:-path)?\s*:|text-indent\s*:\s*-|color\s*:\s*transparent|transform\s*:|(?:max-)?(?:width|height)\s*:\s*0|position\s*:\s*(?:absolute|fixed)|content-visibility\s*:\s*hidden)/i;

export type Visibility = { shown: true } | { shown: false } | { shown: 'unsure'; why: string };

// Asked of every row and cell: the two plain answers are shared, not made each time.
const SHOWN: Visibility = Object.freeze({ shown: true });
const HIDDEN: Visibility = Object.freeze({ shown: false });

export function visibility(el: Element): Visibility {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return HIDDEN;
  const style = el.getAttribute('style');
  if (style) {
    if (HIDDEN_STYLE.test(style)) return HIDDEN;
    const m = UNSURE_STYLE.exec(style);
    if (m) return { shown: 'unsure', why: `its style "${cleanText(m[0].replace(/^;\s*/, ''), 40)}"` };
  }
  const cls = el.getAttribute('class');
  if (cls) {
    const hidden = HIDDEN_CLASS.test(cls);
    const unsure = RESPONSIVE_HIDE.exec(cls) ?? (hidden ? RESPONSIVE_SHOW.exec(cls) : null);
    if (unsure) return { shown: 'unsure', why: `its class "${cleanText(unsure[0], 40)}"` };
    if (hidden) return HIDDEN;
  }
  return SHOWN;
}

/**
 * Whether `el` is shown, as far as its own markup and its ancestors' below `stop` say: hidden if
 * any of them is hidden, unsure if any is unsure (the first reason found).
 */
export function visibilityUpTo(el: Element, stop: Element | null): Visibility {
  let unsure: Visibility | null = null;
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    const v = visibility(cur);
    if (v.shown === false) return v;
    if (v.shown === 'unsure') unsure ??= v;
  }
  return unsure ?? SHOWN;
}

export interface ShownText {
  text: string;
  /** Why part of the text may or may not be shown (a style or class we cannot judge), or null. */
  unsure: string | null;
}

/** The text a person sees in an element: hidden parts skipped, unsure parts named. */
export function shownText(el: Element, max = MAX_CELL_CHARS): ShownText {
  // Most cells are a single text node: nothing inside can hide.
  if (!el.firstElementChild) return { text: cleanText(el.textContent, max), unsure: null };
  let out = '';
  let unsure: string | null = null;
  const walk = (node: Node): void => {
    if (out.length > max * 4) return;
    if (node.nodeType === 3) {
      out += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const child = node as Element;
    const tag = child.tagName.toUpperCase();
    if (INVISIBLE_TAGS.has(tag)) return;
    if (tag === 'BR') out += ' ';
    const v = visibility(child);
    if (v.shown === false) return;
    if (v.shown === 'unsure' && !unsure && cleanText(child.textContent)) unsure = v.why;
    child.childNodes.forEach(walk);
  };
  el.childNodes.forEach(walk);
  return { text: cleanText(out, max), unsure };
}

export function visibleText(el: Element, max = MAX_CELL_CHARS): string {
  return shownText(el, max).text;
}

/**
 * What an element says to assistive technology when it shows no words: a status drawn as an
 * icon is named by aria-label, title, an SVG <title>, an image's alt or visually hidden text.
 */
export function accessibleLabels(el: Element): string[] {
  const out: string[] = [];
  const add = (t: string | null | undefined) => {
    const c = cleanText(t, 200);
    if (c && !out.includes(c)) out.push(c);
  };
  for (const node of [el, ...Array.from(el.querySelectorAll('[aria-label], [title], img[alt], title, .sr-only, .visually-hidden, .visuallyhidden'))]) {
    add(node.getAttribute('aria-label'));
    add(node.getAttribute('title'));
    if (node.tagName.toUpperCase() === 'IMG') add(node.getAttribute('alt'));
    if (node.tagName.toUpperCase() === 'TITLE' || (node !== el && HIDDEN_CLASS.test(node.getAttribute('class') ?? ''))) add(node.textContent);
  }
  return out;
}
