// Page text in document order, for label → value lookups on pages without tables.
import { cleanText, visibility, words } from './text';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'CREDIT-LENS-PANEL', 'CREDIT-LENS-BADGE']);

/** Each shown element's own text (its direct text nodes), cleaned, in document order; empty ones left out. */
export function ownTexts(root: Document | Element): string[] {
  const out: string[] = [];
  const start = 'body' in root && root.body ? root.body : (root as Element);
  const walk = (el: Element): void => {
    if (SKIPPED.has(el.tagName.toUpperCase()) || visibility(el).shown === false) return;
    let own = '';
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) own += node.textContent ?? '';
    }
    const text = cleanText(own);
    if (text) out.push(text);
    for (const child of Array.from(el.children)) walk(child);
  };
  if (start) walk(start);
  return out;
}

/** The first text within `window` texts after a label (matched by its words) that `parse` accepts. */
export function valueAfterLabel<T>(
  texts: string[],
  labels: readonly string[],
  parse: (text: string) => T | null,
  window = 6,
): { value: T; label: string } | null {
  for (let i = 0; i < texts.length; i++) {
    if (!labels.includes(words(texts[i]))) continue;
    for (let j = i + 1; j <= i + window && j < texts.length; j++) {
      const value = parse(texts[j]!);
      if (value !== null) return { value, label: texts[i]! };
      // Words without a number are the next label ("Budget"): its value is not this one's.
      if (!/\d/.test(texts[j]!)) break;
    }
  }
  return null;
}

/** All of the page's visible text as one string (for sentences split across elements). */
export function bodyText(root: Document | Element): string {
  return cleanText(ownTexts(root).join(' '), 1_000_000);
}

/** The first of `phrases` (lower-case words) that some text of the page starts with, or null. */
export function saying(root: Document | Element, phrases: readonly { text: string }[]): string | null {
  for (const text of ownTexts(root)) {
    const w = words(text);
    const hit = phrases.find((p) => w === p.text || w.startsWith(`${p.text} `));
    if (hit) return hit.text;
  }
  return null;
}
