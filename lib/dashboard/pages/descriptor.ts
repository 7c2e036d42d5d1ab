// What a billing page descriptor holds: where the page lives, the words that identify it, its
// columns and statuses with the evidence for each word, its title, why it is needed, its reader.
import type { DateOptions } from '../dates';
import { saying } from '../page-text';
import type { TableRead } from '../read-table';
import type { GrantRow, InvoiceRow, Snapshot } from '../snapshot';
import { words } from '../text';
import type { PageKind } from './kinds';

/**
 * An accepted word and where it comes from: a line of docs/billing-pages.md (its
 * certainty H/M/L), or "assumed" (a plausible variant no source shows). Refined GitHub's selectors
 * carry the pages where they hold; ours carry this. Each word is used by a fixture (tests/unit/vocabulary.test.ts).
 */
export interface Word {
  text: string;
  evidence: string;
}

export const ASSUMED = 'assumed';

/** Words with one evidence: `said(REF.grantColumns, 'received', 'date')`. */
export function said(evidence: string, ...texts: string[]): Word[] {
  return texts.map((text) => ({ text, evidence }));
}

export const texts = (ws: readonly Word[]): string[] => ws.map((w) => w.text);

/** A word that maps to a value of the report's vocabulary (a status, an on/off state). */
export interface Meaning<T> extends Word {
  means: T;
}

export function meaning<T>(means: T, evidence: string, ...texts: string[]): Meaning<T>[] {
  return texts.map((text) => ({ text, evidence, means }));
}

/** What a reader took from a page, beyond the snapshot: for badges and for the vocabulary test. */
export interface PagePart {
  snapshot: Pick<Snapshot, 'grants' | 'invoices' | 'overview' | 'usage' | 'understood' | 'warnings' | 'locale'>;
  grantAnchors: Element[];
  invoiceAnchors: Element[];
  /** The accepted words this read relied on, as `${group}:${text}` (see vocabulary()). */
  used: string[];
  /** Every candidate locale that read all of the page's dates. */
  dateLocales: readonly string[];
  /** Whether those locales read every date (false: none did; they read the most). Default: true. */
  datesComplete?: boolean;
  /** The table the rows were read from, if any. */
  table?: Element | null;
}

export interface PageDescriptor {
  kind: PageKind;
  /** How the panel and popup name the page. */
  title: string;
  /** Why Credit Lens needs it ("to see what was paid, and when"). */
  why: string;
  /** Current path first; the rest are older paths that may still be served. */
  paths: readonly string[];
  /** Text on the page that says which page it is, for saved pages with no address. */
  identifying: readonly Word[];
  /** Every accepted word, by group ("column:date", "status", "label:balance", …). */
  vocabulary: Record<string, readonly Word[]>;
  read(doc: Document, options: DateOptions): PagePart;
}

/** The column spec of a vocabulary's `column:*` groups: column name → header words. */
export function columnSpec(vocabulary: Record<string, readonly Word[]>): Record<string, string[]> {
  const spec: Record<string, string[]> = {};
  for (const [group, ws] of Object.entries(vocabulary)) if (group.startsWith('column:')) spec[group.slice(7)] = texts(ws);
  return spec;
}

/** Which column words a table's headers used: `column:date:received`. */
export function usedColumns(vocabulary: Record<string, readonly Word[]>, headers: Record<string, string>, clean: (raw: string) => string): string[] {
  return Object.entries(headers).flatMap(([column, header]) => {
    const h = clean(header);
    const ws = texts(vocabulary[`column:${column}`] ?? []);
    const w = ws.find((s) => h === s) ?? ws.find((s) => h.startsWith(`${s} `));
    return w ? [`column:${column}:${w}`] : [];
  });
}

/**
 * A table page's part: its rows, or zero rows of an understood page when the table is absent and
 * the page says it has none ("No invoices found.").
 */
export function tablePart(root: Document | Element, read: TableRead<GrantRow> | TableRead<InvoiceRow>, rows: 'grants' | 'invoices', vocabulary: Record<string, readonly Word[]> & { empty: readonly Word[] }, used: Set<string>): PagePart {
  // A set as the rows are read: the same word row after row is kept once, in the order first used.
  for (const u of usedColumns(vocabulary, read.headers, words)) used.add(u);
  const empty = read.found ? null : saying(root, vocabulary.empty);
  if (empty) used.add(`empty:${empty}`);
  const anchors = read.anchors;
  return {
    snapshot: {
      grants: rows === 'grants' ? (read.rows as GrantRow[]) : [],
      invoices: rows === 'invoices' ? (read.rows as InvoiceRow[]) : [],
      overview: null,
      usage: null,
      understood: read.found || empty !== null,
      warnings: empty ? [] : read.warnings,
      locale: read.locale,
    },
    grantAnchors: rows === 'grants' ? anchors : [],
    invoiceAnchors: rows === 'invoices' ? anchors : [],
    used: [...used],
    dateLocales: read.fits,
    datesComplete: read.datesComplete,
    table: read.element,
  };
}
