// HTML of the demo dashboard's pages, following reference/billing-pages.md: the same paths,
// header words and formats. One renderer, several markups and locales, for demo, tests and bench.
// Like the real site, the words stay English and the dates follow the browser's locale.
import { currentPath, type PageKind } from '../lib/dashboard/pages';
import { demoGrants, demoInvoices } from './rows';
import type { DemoAccount } from './scenario';

export type Markup = 'table' | 'aria' | 'div';
export interface RenderOptions {
  /** The browser locale the dates are shown in (BCP 47), as the site's Intl would show them. */
  locale?: string;
  grantsMarkup?: Markup;
  invoicesMarkup?: Markup;
  /** live: an SPA shell whose content arrives late; saved: what "Save page as…" keeps. */
  mode?: 'live' | 'saved';
  /** Invoices per page: shown before "Load more", or per page of "Previous/Next invoices page". */
  pageSize?: number;
  /** How the billing history pages (live mode): a "Load more" button, or numbered pages. */
  paging?: 'load-more' | 'pages';
  /** Saved mode with pages: which page of the billing history was saved (1 = newest). */
  invoicePage?: number;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function usd(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}

// The options the real rows fit (reference: `Nov 3, 2025, 1:02 PM` in en-US, `6:46 27 thg 5, 2026` in vi-VN).
const DAY_OPTIONS: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' };
const TIME_OPTIONS: Intl.DateTimeFormatOptions = { ...DAY_OPTIONS, hour: 'numeric', minute: '2-digit' };

/** A wall-clock YYYY-MM-DD[THH:mm] as that instant in UTC, so formatting in UTC shows it unchanged. */
function utc(at: string): number {
  const n = at.split(/[-T:]/).map(Number);
  return Date.UTC(n[0]!, n[1]! - 1, n[2]!, n[3] ?? 0, n[4] ?? 0);
}

export function showDate(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, DAY_OPTIONS).format(utc(day));
}

export function showDateTime(at: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, TIME_OPTIONS).format(utc(at));
}

/** A table in one of the three markups the reader must handle. Cells are HTML. */
export function renderTable(markup: Markup, label: string, headers: string[], rows: string[][], tableClass = 'data'): string {
  if (markup === 'table') {
    const head = headers.map((h) => `<th scope="col">${h}</th>`).join('');
    const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
    return `<table class="${tableClass}" aria-label="${escapeHtml(label)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  }
  if (markup === 'aria') {
    const head = headers.map((h) => `<div role="columnheader" class="c">${h}</div>`).join('');
    const body = rows
      .map((r) => `<div role="row" class="r">${r.map((c) => `<div role="cell" class="c">${c}</div>`).join('')}</div>`)
      .join('\n');
    return `<div role="table" class="grid" aria-label="${escapeHtml(label)}" style="--cols:${headers.length}"><div role="rowgroup"><div role="row" class="r head">${head}</div></div><div role="rowgroup" class="rows">\n${body}\n</div></div>`;
  }
  const head = headers.map((h) => `<div class="c">${h}</div>`).join('');
  const body = rows.map((r) => `<div class="r">${r.map((c) => `<div class="c">${c}</div>`).join('')}</div>`).join('\n');
  return `<div class="grid" style="--cols:${headers.length}"><div class="r head">${head}</div><div class="rows">\n${body}\n</div></div>`;
}

function grantsTable(account: DemoAccount, o: Required<RenderOptions>): string {
  const rows = demoGrants(account).map((g) => [
    escapeHtml(showDate(g.displayedDate, o.locale)),
    `<span class="pill ${g.state === 'Expired' ? 'pill-red' : 'pill-green'}">${g.state}</span>`,
    `${usd(g.remainingCents)} / ${usd(g.amountCents)}`,
    escapeHtml(showDate(g.expiresOn, o.locale)),
  ]);
  return renderTable(o.grantsMarkup, 'Credit grants', ['Received', 'State', 'Balance', 'Expires'], rows);
}

function invoiceRows(account: DemoAccount, o: Required<RenderOptions>): string[][] {
  return demoInvoices(account).map((inv) => [
    escapeHtml(inv.number),
    `<span class="pill ${inv.status === 'Paid' ? 'pill-green' : 'pill-grey'}">${inv.status}</span>`,
    usd(inv.totalCents),
    escapeHtml(showDateTime(inv.createdAt, o.locale)),
    `<a href="https://invoice.stripe.com/i/acct_demo/${escapeHtml(inv.number)}" target="_blank" rel="noreferrer">View</a>`,
  ]);
}

const INVOICE_HEADERS = ['Invoice', 'Status', 'Amount', 'Created', ''];

// The site's own class for this table (reference: "table.billing-history-table", H for 2025).
const HISTORY_CLASS = 'data billing-history-table';

function historyContent(account: DemoAccount, o: Required<RenderOptions>): string {
  const rows = invoiceRows(account, o);
  if (o.paging === 'pages') return pagedHistory(rows, o);
  const paged = o.mode === 'live' && rows.length > o.pageSize;
  const shown = paged ? rows.slice(0, o.pageSize) : rows;
  let more = '';
  if (paged) {
    // The rest waits in templates, one per "Load more" click, like a paginated API.
    for (let i = o.pageSize, n = 0; i < rows.length; i += o.pageSize, n++) {
      const chunk = renderTable(o.invoicesMarkup, 'x', INVOICE_HEADERS, rows.slice(i, i + o.pageSize));
      more += `<template class="more-rows">${chunk}</template>`;
    }
    more += '<button type="button" class="btn" id="load-more">Load more</button>';
  }
  return `<p class="sub">Showing invoices within the past 12 months</p>${renderTable(o.invoicesMarkup, 'Invoices', INVOICE_HEADERS, shown, HISTORY_CLASS)}${more}`;
}

/**
 * The history in pages with "Previous invoices page" / "Next invoices page" (reference: M). Live,
 * every page waits in a template and the buttons swap the rows; saved, one page is on file.
 */
function pagedHistory(rows: string[][], o: Required<RenderOptions>): string {
  const pages: string[][][] = [];
  for (let i = 0; i < Math.max(rows.length, 1); i += o.pageSize) pages.push(rows.slice(i, i + o.pageSize));
  const current = o.mode === 'live' ? 1 : Math.min(Math.max(o.invoicePage, 1), pages.length);
  const templates = o.mode === 'live' ? pages.map((p, k) => `<template class="invoice-page" data-page="${k + 1}">${renderTable(o.invoicesMarkup, 'x', INVOICE_HEADERS, p)}</template>`).join('') : '';
  const nav = `<nav class="pager" aria-label="Invoice pages"><button type="button" class="btn" aria-label="Previous invoices page"${current === 1 ? ' disabled' : ''}>‹</button><span class="sub" id="invoice-page" data-pages="${pages.length}">Page ${current} of ${pages.length}</span><button type="button" class="btn" aria-label="Next invoices page"${current === pages.length ? ' disabled' : ''}>›</button></nav>`;
  return `<p class="sub">Showing invoices within the past 12 months</p>${renderTable(o.invoicesMarkup, 'Invoices', INVOICE_HEADERS, pages[current - 1]!, HISTORY_CLASS)}${nav}${templates}`;
}

function overviewContent(account: DemoAccount): string {
  const balance = demoGrants(account).reduce((sum, g) => (g.state === 'Available' ? sum + g.remainingCents : sum), 0);
  const ar = account.autoRecharge;
  const recharge = ar
    ? `<div class="card"><div class="label">Auto recharge</div><div class="value small">ON</div><p>When your credit balance reaches ${usd(ar.thresholdCents)}, your payment method will be charged to bring the balance up to ${usd(ar.targetCents)}.</p><button class="btn">Modify</button></div>`
    : `<div class="card"><div class="label">Auto recharge</div><div class="value small">OFF</div><button class="btn">Enable auto recharge</button></div>`;
  return `<div class="cards"><div class="card"><div class="label">Pay as you go</div><div class="label">Credit balance</div><div class="value">${usd(balance)}</div><button class="btn primary">Add to credit balance</button></div>${recharge}</div>`;
}

function usageContent(account: DemoAccount, o: Required<RenderOptions>): string {
  const { from, to, totalSpendCents } = account.usage;
  return `<div class="range">${escapeHtml(showDate(from, o.locale))} – ${escapeHtml(showDate(to, o.locale))}</div><div class="cards"><div class="card"><div class="label">Total Spend</div><div class="value">${usd(totalSpendCents)}</div></div></div><p class="sub">Usage data may take a few minutes to appear. Times are in UTC.</p>`;
}

const TITLES: Record<PageKind, string> = {
  overview: 'Billing',
  'billing-history': 'Billing',
  'credit-grants': 'Billing',
  usage: 'Usage',
};

export function pageContent(kind: PageKind | 'playground', account: DemoAccount, options: RenderOptions = {}): string {
  const o: Required<RenderOptions> = {
    locale: 'en-US',
    grantsMarkup: 'aria',
    invoicesMarkup: 'table',
    mode: 'live',
    pageSize: 25,
    paging: 'load-more',
    invoicePage: 1,
    ...options,
  };
  if (kind === 'playground') return '<h1>Playground</h1><p class="sub">Not a billing page: Credit Lens stays out of the way here.</p>';
  const tabs =
    kind === 'usage'
      ? ''
      : `<nav class="tabs" aria-label="Billing">${(['overview', 'billing-history', 'credit-grants'] as const)
          .map(
            (k) =>
              `<a data-spa href="${currentPath(k)}"${k === kind ? ' aria-current="page"' : ''}>${{ overview: 'Overview', 'billing-history': 'Billing history', 'credit-grants': 'Credit grants' }[k]}</a>`,
          )
          .join('')}</nav>`;
  const body =
    kind === 'credit-grants'
      ? grantsTable(account, o)
      : kind === 'billing-history'
        ? historyContent(account, o)
        : kind === 'overview'
          ? overviewContent(account)
          : usageContent(account, o);
  return `<h1>${TITLES[kind]}</h1>${tabs}${body}`;
}

export function pageTitle(kind: PageKind | 'playground'): string {
  return kind === 'playground' ? 'Playground - OpenAI API' : `${TITLES[kind]} - OpenAI API`;
}
