// What a row's badge says, as data, and how a row is known again on the next read of its page.
// The background makes each note (components/RowBadge.tsx has the words) and answers a snapshot
// with one note per row; it also keeps the last notes of each page by row key, so the next visit
// draws them the moment the table is read, before the background has merged anything.
import type { GrantRow, InvoiceRow, Snapshot } from './dashboard/snapshot';
import { grantPageOf } from './ledger/table-pages';

export interface RowNote {
  tone: 'ok' | 'bad' | 'muted';
  lines: string[];
  alert?: string;
  link?: { href: string; text: string; label?: string };
}

/** One note (or none) per row of a snapshot, in its order. */
export interface RowNotes {
  grants: (RowNote | null)[];
  invoices: (RowNote | null)[];
}

/** The keys of a snapshot's rows, in its order; null where a row cannot be known again. */
export interface RowKeys {
  grants: (string | null)[];
  invoices: string[];
}

/** cyrb53: a fast 53-bit string hash (for keys only, never for security). */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const invoiceKey = (r: InvoiceRow) => `i|${r.number}|${r.status}|${r.totalCents}|${r.currency}|${r.createdAt}|${r.url ?? ''}`;

/**
 * An invoice row is its own values. A grant has no id on the page: which grant a row is depends
 * on the other rows of its group (same shown date, amount and currency; lib/ledger/identity.ts),
 * so its key holds every row of the group as shown, and its place among them. The same key on
 * the next read is then the same grant; a group that changed gets new keys (nothing is reused).
 * Rows of one page of a paged table are ranked with the other pages: they get no key.
 */
export function rowKeys(snapshot: Pick<Snapshot, 'grants' | 'invoices' | 'tablePosition' | 'page' | 'seenAt'>): RowKeys {
  const invoices = snapshot.invoices.map(invoiceKey);
  if (grantPageOf(snapshot as Snapshot)) return { grants: snapshot.grants.map(() => null), invoices };
  const groups = new Map<string, GrantRow[]>();
  for (const row of snapshot.grants) {
    const key = `${row.displayedDate}|${row.amountCents}|${row.currency}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const signature = new Map<string, string>();
  for (const [key, rows] of groups) signature.set(key, hash(rows.map((r) => `${r.remainingCents},${r.expiresOn ?? ''},${r.state}`).join(';')));
  const seen = new Map<string, number>();
  const grants = snapshot.grants.map((row) => {
    const key = `${row.displayedDate}|${row.amountCents}|${row.currency}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return `g|${key}|${k}|${signature.get(key)!}`;
  });
  return { grants, invoices };
}

export function sameNote(a: RowNote | null | undefined, b: RowNote | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.tone === b.tone && a.alert === b.alert && a.lines.length === b.lines.length && a.lines.every((l, i) => l === b.lines[i]) && a.link?.href === b.link?.href && a.link?.text === b.link?.text && a.link?.label === b.link?.label;
}
