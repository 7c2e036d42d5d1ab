// A redacted outline of a page for bug reports: tags, roles and header words only.
// No amounts, no numbers, no names: safe to paste into a public issue.
import { words } from './text';

const MAX_LINES = 300;
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'SVG', 'PATH', 'NOSCRIPT', 'CREDIT-LENS-PANEL', 'CREDIT-LENS-BADGE']);
const HEADER_ROLES = new Set(['columnheader', 'rowheader']);

function describe(el: Element): string {
  const role = el.getAttribute('role');
  let text = el.tagName.toLowerCase();
  if (role) text += `[role=${words(role)}]`;
  if (el.tagName === 'TH' || HEADER_ROLES.has(role ?? '')) {
    const header = words(el.textContent).replace(/[^a-z ]/g, '').slice(0, 40);
    if (header) text += ` "${header}"`;
  }
  return text;
}

export function pageOutline(root: Document | Element): string {
  const lines: string[] = [];
  const start = 'body' in root && root.body ? root.body : (root as Element);
  const walk = (el: Element, depth: number): void => {
    if (lines.length >= MAX_LINES || SKIP.has(el.tagName.toUpperCase())) return;
    lines.push(`${'  '.repeat(Math.min(depth, 30))}${describe(el)}`);
    let previous = '';
    let repeated = false;
    for (const child of Array.from(el.children)) {
      // Collapse runs of look-alike siblings (table rows) to one example.
      const shape = describe(child) + child.children.length;
      if (shape === previous && child.children.length > 0) {
        if (!repeated) lines.push(`${'  '.repeat(Math.min(depth + 1, 30))}… more like the above`);
        repeated = true;
        continue;
      }
      previous = shape;
      repeated = false;
      walk(child, depth + 1);
    }
  };
  if (start) walk(start, 0);
  if (lines.length >= MAX_LINES) lines.push('… (outline cut)');
  return lines.join('\n');
}
