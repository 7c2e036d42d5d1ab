// What the content script (or the CLI) read from one billing page.
// Plain types here so the content script does not bundle zod; lib/schemas.ts validates them.
import type { PageKind } from './pages/kinds';

export const GRANT_STATES = ['available', 'expired', 'used', 'pending', 'other'] as const;
export type GrantState = (typeof GRANT_STATES)[number];

export const INVOICE_STATUSES = ['paid', 'open', 'void', 'refunded', 'partially-refunded', 'failed', 'other'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface GrantRow {
  /** Position in the table as shown (0 = first row). */
  position: number;
  /** The back-dated date the grants table shows, YYYY-MM-DD. */
  displayedDate: string;
  state: GrantState;
  stateText: string;
  amountCents: number;
  remainingCents: number;
  currency: string;
  expiresOn: string | null;
}

export interface InvoiceRow {
  position: number;
  number: string;
  status: InvoiceStatus;
  statusText: string;
  totalCents: number;
  currency: string;
  /** Wall-clock date-time as the page shows it: YYYY-MM-DDTHH:mm[:ss]. */
  createdAt: string;
  /** The time zone the page wrote after the time ("UTC", "GMT+2"), when it wrote one. */
  zone?: string;
  url: string | null;
}

export interface AutoRecharge {
  enabled: boolean;
  thresholdCents: number | null;
  targetCents: number | null;
}

export interface OverviewInfo {
  balanceCents: number | null;
  autoRecharge: AutoRecharge | null;
}

export interface UsageInfo {
  totalSpendCents: number;
  from: string | null;
  to: string | null;
}

/** Where one page of a paged table sits in the whole table, as the page's markers say (page-marker.ts). */
export interface TablePosition {
  /** 1-based number of the first row shown ("21–25 of 25", aria-rowindex), when the page says. */
  firstRow: number | null;
  /** 1-based page number and the page count ("Page 2 of 3"). */
  page: number | null;
  pages: number | null;
  /** Rows in the whole table ("of 25", aria-rowcount). */
  totalRows: number | null;
  /** Whether a "Next page" / "Previous page" control is there and enabled; null when none is. */
  next?: boolean | null;
  previous?: boolean | null;
}

export interface Snapshot {
  page: PageKind;
  url: string;
  organization: string | null;
  /** An organization id the page shows (URL, switcher attributes), e.g. "org-AbC123…". */
  organizationId?: string | null;
  /** Set when the page's clues to its organization disagree (a switch in progress): the read is not used. */
  organizationConflict?: string | null;
  /** Which page of a paged table this is; null when the page shows no markers. */
  tablePosition?: TablePosition | null;
  /** When the page was read, wall-clock local time, YYYY-MM-DDTHH:mm:ss. */
  seenAt: string;
  /**
   * The browser's offset from UTC when it read the page (minutes east, +60 in Berlin in winter);
   * its wall clock and the page's times are in that zone. Absent for saved files (unknown).
   */
  utcOffsetMinutes?: number;
  grants: GrantRow[];
  invoices: InvoiceRow[];
  overview: OverviewInfo | null;
  usage: UsageInfo | null;
  /** False when the page kind is known but none of its data could be found. */
  understood: boolean;
  /** The locale the page's dates were read in ("vi-VN"); null when no date was read. */
  locale?: string | null;
  warnings: string[];
}
