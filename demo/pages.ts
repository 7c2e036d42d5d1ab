// HTML of the demo dashboard's pages, following reference/billing-pages.md: the same paths,
// header words and formats. One renderer, several markups and locales, for demo, tests and bench.
import { format, parse } from 'date-fns';
import { currentPath, type PageKind } from '../lib/dashboard/pages';
import { demoGrants, demoInvoices } from './rows';
import type { DemoAccount } from './scenario';

export type Markup = 'table' | 'aria' | 'div';
export interface RenderOptions {
  locale?: 'en-US' | 'en-GB';
  grantsMarkup?: Markup;
  invoicesMarkup?: Markup;
  /** live: an SPA shell whose content arrives late; saved: what "Save page as…" keeps. */
  mode?: 'live' | 'saved';
  /** Invoices shown before "Load more" (live mode only). */
  pageSize?: number;
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

function showDate(day: string, locale: 'en-US' | 'en-GB'): string {
  const d = parse(day, 'yyyy-MM-dd', new Date());
  return format(d, locale === 'en-US' ? 'MMM d, yyyy' : 'd MMM yyyy');
}

function showDateTime(at: string, locale: 'en-US' | 'en-GB'): string {
  const d = parse(at, "yyyy-MM-dd'T'HH:mm", new Date());
  return format(d, locale === 'en-US' ? 'MMM d, yyyy, h:mm a' : 'd MMM yyyy, HH:mm');
}

/** A table in one of the three markups the reader must handle. Cells are HTML. */
export function renderTable(markup: Markup, label: string, headers: string[], rows: string[][]): string {
  if (markup === 'table') {
    const head = headers.map((h) => `<th scope="col">${h}</th>`).join('');
    const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
    return `<table class="data" aria-label="${escapeHtml(label)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
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

function historyContent(account: DemoAccount, o: Required<RenderOptions>): string {
  const rows = invoiceRows(account, o);
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
  return `<p class="sub">Showing invoices within the past 12 months</p>${renderTable(o.invoicesMarkup, 'Invoices', INVOICE_HEADERS, shown)}${more}`;
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
