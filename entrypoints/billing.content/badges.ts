// The badge beside each grant and invoice row. Each lives in a small open shadow root inside the
// row's last cell, so the site's styles and ours never mix; every root adopts one shared
// stylesheet. Notes are drawn as plain DOM (components/RowBadge.tsx): a thousand rows take a few
// milliseconds, and a row whose note did not change is not touched again.
import { badgeElement } from '../../components/RowBadge';
import { sameNote, type RowNote } from '../../lib/row-notes';
import badgeCss from './badge.css?inline';

const TAG = 'credit-lens-badge';
let sheet: CSSStyleSheet | null = null;

function attach(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(badgeCss);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = badgeCss;
    root.append(style);
  }
  return root;
}

export class RowBadges {
  private readonly drawn = new WeakMap<Element, { host: HTMLElement; note: RowNote }>();
  constructor(private theme: string) {}

  /** Show `note` in `cell` (a cell already showing it is left alone); null takes the badge away. */
  draw(cell: Element, note: RowNote | null): void {
    const had = this.drawn.get(cell);
    const host = had?.host.parentElement === cell ? had.host : null;
    if (!note) {
      host?.remove();
      this.drawn.delete(cell);
      return;
    }
    if (host && sameNote(had!.note, note)) return;
    let el = host;
    if (!el) {
      el = document.createElement(TAG);
      el.dataset.theme = this.theme;
      attach(el);
      cell.append(el);
    }
    el.shadowRoot!.replaceChildren(badgeElement(note));
    this.drawn.set(cell, { host: el, note });
  }

  setTheme(theme: string): void {
    this.theme = theme;
    for (const el of document.querySelectorAll<HTMLElement>(TAG)) el.dataset.theme = theme;
  }

  clear(): void {
    for (const el of Array.from(document.querySelectorAll(TAG))) el.remove();
  }
}
