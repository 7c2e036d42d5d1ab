// The organization the pages belong to, as the top-bar switcher names it; null when not shown.
import { cleanText, visibleText } from './text';

export function readOrganization(root: Document | Element): string | null {
  for (const el of Array.from(root.querySelectorAll('[aria-label], [title], [data-testid]'))) {
    const label = cleanText(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '', 200);
    const named = /^(?:current |selected )?organi[sz]ation\s*[:\-–]\s*(.+)$/i.exec(label);
    if (named) return cleanText(named[1], 100);
    const testId = el.getAttribute('data-testid') ?? '';
    if (/^(?:switch |select )?organi[sz]ation( switcher| picker| selector| menu)?$/i.test(label) || /org(anization)?[-_]?(switcher|picker|selector|name)/i.test(testId)) {
      const text = visibleText(el, 100);
      if (text) return text;
    }
  }
  return null;
}
