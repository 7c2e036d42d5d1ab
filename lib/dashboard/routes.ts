// Where the billing pages live on platform.openai.com (reference/billing-pages.md).
// This is the only place that knows the site's paths.

export const PAGE_KINDS = ['credit-grants', 'billing-history', 'usage', 'overview'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const SITE_ORIGIN = 'https://platform.openai.com';

/** Current path of each page first; the rest are legacy paths that may still be served. */
const PATHS: Record<PageKind, readonly string[]> = {
  overview: ['/settings/organization/billing/overview', '/account/billing/overview', '/account/billing'],
  'billing-history': ['/settings/organization/billing/history', '/account/billing/history'],
  'credit-grants': ['/settings/organization/billing/credit-grants'],
  // `/account/usage` also used to hold the grants table: the reader decides by content there.
  usage: ['/usage', '/settings/organization/usage', '/account/usage', '/usage/legacy'],
};

export function currentPath(kind: PageKind): string {
  return PATHS[kind][0]!;
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
  for (const kind of PAGE_KINDS) {
    if (PATHS[kind].includes(path)) return kind;
  }
  return null;
}
