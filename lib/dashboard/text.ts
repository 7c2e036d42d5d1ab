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

const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The text a person sees in an element: script and style contents are not text. */
function hasInvisible(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (INVISIBLE_TAGS.has(child.tagName.toUpperCase()) || (child.firstElementChild && hasInvisible(child))) return true;
  }
  return false;
}

export function visibleText(el: Element, max = MAX_CELL_CHARS): string {
  if (!hasInvisible(el)) return cleanText(el.textContent, max);
  let out = '';
  const walk = (node: Node): void => {
    if (out.length > max * 4) return;
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1 && !INVISIBLE_TAGS.has((node as Element).tagName.toUpperCase())) node.childNodes.forEach(walk);
  };
  walk(el);
  return cleanText(out, max);
}
