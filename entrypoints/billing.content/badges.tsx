// Pin a badge to each grant and invoice row the snapshot describes. Each badge lives in a small
// shadow root inside the row's last cell, so the site's styles and ours never mix.
import { render } from 'preact';
import { grantNote, invoiceNote, RowBadge, type Note } from '../../components/RowBadge';
import type { PageRead } from '../../lib/dashboard/pages';
import { grantId, rankGrants } from '../../lib/ledger/identity';
import type { Report } from '../../lib/report-schema';
import badgeCss from './badge.css?inline';

const TAG = 'credit-lens-badge';
let sheet: CSSStyleSheet | null = null;

function host(cell: Element, theme: string): ShadowRoot {
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
  el.dataset.theme = theme;
  return el.shadowRoot!;
}

function place(cell: Element, note: Note | null, theme: string): void {
  if (!note) return;
  render(<RowBadge note={note} />, host(cell, theme));
}

type Job = { cell: Element; note: () => Note | null };

/** Rows drawn at once: a table starts near the top, and asking where rows are would force a layout. */
const FIRST_ROWS = 40;

/**
 * Draw a badge in every row the read found. The first rows are drawn at once; the rest follow
 * in the next task, in one batch so the table is laid out once more, not once per chunk. `onDone` runs when every row has its badge; the returned function
 * cancels the rest.
 */
export function renderBadges(
  read: PageRead,
  report: Report,
  theme: string,
  run: (draw: () => void) => void,
  onDone: () => void,
  onVisible: () => void,
  /** The rows' grant ids as the background named them; else ranked here (identity.ts). */
  grantIds?: readonly string[],
): () => void {
  const ids = new Map(grantIds ? read.snapshot.grants.map((row, i) => [row, grantIds[i]!]) : rankGrants(read.snapshot.grants).map(({ key, rank, row }) => [row, grantId(key, rank)]));
  const jobs: Job[] = [];
  read.snapshot.grants.forEach((row, i) => {
    const cell = read.grantAnchors[i];
    if (cell) jobs.push({ cell, note: () => grantNote(report, ids.get(row)!) });
  });
  read.snapshot.invoices.forEach((row, i) => {
    const cell = read.invoiceAnchors[i];
    if (cell) jobs.push({ cell, note: () => invoiceNote(report, row.number) });
  });
  const visible = jobs.slice(0, FIRST_ROWS);
  const later = jobs.slice(FIRST_ROWS);
  run(() => visible.forEach((j) => place(j.cell, j.note(), theme)));
  onVisible();
  if (!later.length) {
    onDone();
    return () => undefined;
  }
  const timer = setTimeout(() => {
    run(() => later.forEach((j) => place(j.cell, j.note(), theme)));
    onDone();
  }, 0);
  return () => clearTimeout(timer);
}

export function removeBadges(): void {
  for (const el of Array.from(document.querySelectorAll(TAG))) {
    if (el.shadowRoot) render(null, el.shadowRoot);
    el.remove();
  }
}
