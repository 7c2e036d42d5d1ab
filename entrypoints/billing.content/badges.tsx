// Pin a badge to each grant and invoice row the snapshot describes. Each badge lives in a small
// shadow root inside the row's last cell, so the site's styles and ours never mix.
import { render } from 'preact';
import { grantNote, invoiceNote, RowBadge, type Note } from '../../components/RowBadge';
import type { PageRead } from '../../lib/dashboard/read-page';
import { grantId, rankGrants } from '../../lib/ledger/identity';
import type { Report } from '../../lib/report-schema';
import badgeCss from './badge.css?inline';

const TAG = 'credit-lens-badge';
let sheet: CSSStyleSheet | null = null;

function host(cell: Element, theme: string | null): ShadowRoot {
  let el = Array.from(cell.children).find((c) => c.tagName.toLowerCase() === TAG) as HTMLElement | undefined;
  if (!el) {
    el = document.createElement(TAG);
    const root = el.attachShadow({ mode: 'open' });
    try {
      sheet ??= new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(badgeCss);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = badgeCss;
      root.append(style);
    }
    cell.append(el);
  }
  if (theme) el.dataset.theme = theme;
  return el.shadowRoot!;
}

function place(cell: Element, note: Note | null, theme: string | null): void {
  if (!note) return;
  render(<RowBadge note={note} />, host(cell, theme));
}

/** Draw every badge; returns how many rows got one. */
export function renderBadges(read: PageRead, report: Report, theme: string | null): number {
  let count = 0;
  const ids = new Map(rankGrants(read.snapshot.grants).map(({ key, rank, row }) => [row, grantId(key, rank)]));
  read.snapshot.grants.forEach((row, i) => {
    const cell = read.grantAnchors[i];
    if (cell) {
      place(cell, grantNote(report, ids.get(row)!), theme);
      count++;
    }
  });
  read.snapshot.invoices.forEach((row, i) => {
    const cell = read.invoiceAnchors[i];
    if (cell) {
      place(cell, invoiceNote(report, row.number), theme);
      count++;
    }
  });
  return count;
}

export function removeBadges(): void {
  for (const el of Array.from(document.querySelectorAll(TAG))) {
    if (el.shadowRoot) render(null, el.shadowRoot);
    el.remove();
  }
}
