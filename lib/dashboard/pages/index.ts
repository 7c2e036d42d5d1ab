// The billing pages: one descriptor each (routes, identifying words, columns and statuses with
// their evidence, reader, title, why it is needed). This folder is the only place that knows the
// site. Reading a page: a Document in, a Snapshot out, no browser APIs.
import type { DateOptions } from '../dates';
import type { Snapshot } from '../snapshot';
import { readOrganizationClues } from '../organization';
import { readTablePosition } from '../page-marker';
import { ownTexts } from '../page-text';
import { findTable } from '../tables';
import { words } from '../text';
import { billingHistory, INVOICE_COLUMNS, INVOICE_REQUIRED } from './billing-history';
import { creditGrants, GRANT_COLUMNS, GRANT_REQUIRED, readGrants } from './credit-grants';
import type { PageDescriptor } from './descriptor';
import { PAGE_KINDS, type PageKind } from './kinds';
import { overview } from './overview';
import { usage } from './usage';

export { PAGE_KINDS, type PageKind } from './kinds';
export type { PageDescriptor, Word } from './descriptor';

export const PAGES: Record<PageKind, PageDescriptor> = {
  'credit-grants': creditGrants,
  'billing-history': billingHistory,
  usage,
  overview,
};

export const SITE_ORIGIN = 'https://platform.openai.com';

export const PAGE_TITLES = Object.fromEntries(PAGE_KINDS.map((k) => [k, PAGES[k].title])) as Record<PageKind, string>;
export const PAGE_WHY = Object.fromEntries(PAGE_KINDS.map((k) => [k, PAGES[k].why])) as Record<PageKind, string>;

export function currentPath(kind: PageKind): string {
  return PAGES[kind].paths[0]!;
}

export function pageUrl(kind: PageKind): string {
  return SITE_ORIGIN + currentPath(kind);
}

function normalisePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return (trimmed === '' ? '/' : trimmed).toLowerCase();
}

/** The billing page a URL shows, or null for every other route (login included). */
export function pageKindOfUrl(url: string | URL): PageKind | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.origin !== SITE_ORIGIN) return null;
  const path = normalisePath(parsed.pathname);
  return PAGE_KINDS.find((kind) => PAGES[kind].paths.includes(path)) ?? null;
}

export type ReadOptions = DateOptions;

export interface PageRead {
  snapshot: Snapshot;
  /** Badge places, parallel to snapshot.grants and snapshot.invoices. */
  grantAnchors: Element[];
  invoiceAnchors: Element[];
  /** The accepted words the read relied on (`column:date:received`, `status:paid`, …). */
  used: string[];
  /** Every candidate locale that read all of the page's dates (or, when none did, the most). */
  dateLocales: readonly string[];
  /** Whether the `dateLocales` read every date. */
  datesComplete: boolean;
  /** The table the rows were read from (the content script watches it for changes), if any. */
  table: Element | null;
  /** The elements the organization was read from (watched for an organization switch). */
  organizationElements: Element[];
}

export function readPage(doc: Document, page: PageKind, url: string, seenAt: string, options: ReadOptions = {}): Snapshot {
  return readPageWithAnchors(doc, page, url, seenAt, options).snapshot;
}

export function readPageWithAnchors(doc: Document, page: PageKind, url: string, seenAt: string, options: ReadOptions = {}): PageRead {
  const base = { page, url, seenAt, grants: [], invoices: [], overview: null, usage: null };
  if (!doc.documentElement || !doc.body) {
    return { snapshot: { ...base, organization: null, understood: false, warnings: ['The page is empty.'], locale: null }, grantAnchors: [], invoiceAnchors: [], used: [], dateLocales: [], datesComplete: true, table: null, organizationElements: [] };
  }
  const part = PAGES[page].read(doc, options);
  // The organization is read in the same moment as the rows (organization.ts).
  const org = readOrganizationClues(doc, url);
  const snapshot: Snapshot = { ...base, organization: org.name, organizationId: org.id, organizationConflict: org.conflict, ...part.snapshot };
  // Which part of a paged table this is: pages of the grants are put together (ledger/table-pages.ts),
  // pages of the billing history tell whether all of it was read (analysis/history-coverage.ts).
  if ((page === 'credit-grants' || page === 'billing-history') && snapshot.understood) snapshot.tablePosition = readTablePosition(doc);
  let { grantAnchors, dateLocales } = part;
  let datesComplete = part.datesComplete ?? true;
  let table = part.table ?? null;
  if (page === 'usage') {
    // Grants used to sit on the usage page (/account/usage): take them when they are there.
    const grants = readGrants(doc, options);
    if (grants.snapshot.understood) {
      Object.assign(snapshot, { grants: grants.snapshot.grants, understood: true, warnings: [...snapshot.warnings, ...grants.snapshot.warnings] });
      snapshot.locale ??= grants.snapshot.locale;
      grantAnchors = grants.grantAnchors;
      table = grants.table ?? table;
      if (grants.dateLocales.length) {
        dateLocales = grants.dateLocales;
        datesComplete = grants.datesComplete ?? true;
      }
    }
  }
  return { snapshot, grantAnchors, invoiceAnchors: part.invoiceAnchors, used: part.used, dateLocales, datesComplete, table, organizationElements: org.elements };
}

/** The page's own address as the saved file records it, if it does. */
export function savedFromUrl(html: string): string | null {
  const head = html.slice(0, 20_000);
  const comment = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head);
  if (comment) return comment[1]!;
  const canonical = /<link\b[^>]*rel=["']?canonical["']?[^>]*>/i.exec(head)?.[0];
  const href = canonical && /href=["']([^"']+)["']/i.exec(canonical)?.[1];
  if (href) return href;
  return /<meta\b[^>]*property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(head)?.[1] ?? null;
}

/** Which page a document is by what it holds: a table's columns, then identifying words. */
export function kindByContent(doc: Document): PageKind | null {
  if (!doc.documentElement || !doc.body) return null;
  if (findTable(doc, INVOICE_COLUMNS, INVOICE_REQUIRED).ok) return 'billing-history';
  if (findTable(doc, GRANT_COLUMNS, GRANT_REQUIRED).ok) return 'credit-grants';
  const texts = ownTexts(doc).map(words);
  const says = (kind: PageKind) => PAGES[kind].identifying.some((w) => texts.some((t) => t === w.text || t.startsWith(`${w.text} `)));
  return (['billing-history', 'credit-grants', 'overview', 'usage'] as const).find(says) ?? null;
}

export function kindOfSavedPage(html: string, doc: Document): { kind: PageKind | null; url: string | null } {
  const url = savedFromUrl(html);
  const fromUrl = url ? pageKindOfUrl(url) : null;
  return { kind: fromUrl ?? kindByContent(doc), url };
}
