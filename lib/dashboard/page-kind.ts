// Which billing page a saved file is: from the "saved from" comment or canonical URL, else by content.
import { GRANT_COLUMNS, GRANT_REQUIRED } from './grants';
import { INVOICE_COLUMNS, INVOICE_REQUIRED } from './invoices';
import { ownTexts } from './page-text';
import { pageKindOfUrl, type PageKind } from './routes';
import { findTable } from './tables';
import { words } from './text';

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

export function kindByContent(doc: Document): PageKind | null {
  if (!doc.documentElement || !doc.body) return null;
  if (findTable(doc, INVOICE_COLUMNS, INVOICE_REQUIRED).ok) return 'billing-history';
  if (findTable(doc, GRANT_COLUMNS, GRANT_REQUIRED).ok) return 'credit-grants';
  const texts = ownTexts(doc).map(words);
  if (texts.some((t) => t.startsWith('showing invoices'))) return 'billing-history';
  if (texts.some((t) => t === 'credit balance' || t === 'api credit balance')) return 'overview';
  if (texts.some((t) => t === 'total spend')) return 'usage';
  return null;
}

export function kindOfSavedPage(html: string, doc: Document): { kind: PageKind | null; url: string | null } {
  const url = savedFromUrl(html);
  const fromUrl = url ? pageKindOfUrl(url) : null;
  return { kind: fromUrl ?? kindByContent(doc), url };
}
