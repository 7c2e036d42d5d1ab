// Snapshots written by hand, for cases the demo renderer does not draw (a grants page read
// without its Expires column, reads in two time zones): the chain from there is the real one.
import { buildReport } from '../../lib/analysis/report';
import type { Settings } from '../../lib/analysis/settings';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import type { GrantRow, InvoiceRow, Snapshot } from '../../lib/dashboard/snapshot';
import { mergeSnapshot } from '../../lib/ledger/merge';
import { emptyLedger } from '../../lib/ledger/schema';
import type { Report } from '../../lib/report-schema';

export const ORG = 'Acme';

export function snapshot(page: PageKind, seenAt: string, rows: Partial<Pick<Snapshot, 'grants' | 'invoices' | 'overview' | 'usage' | 'tablePosition' | 'utcOffsetMinutes'>>): Snapshot {
  return { page, url: pageUrl(page), organization: ORG, seenAt, grants: [], invoices: [], overview: null, usage: null, understood: true, warnings: [], ...rows };
}

export function grant(displayedDate: string, amountCents: number, remainingCents: number, rest: Partial<GrantRow> = {}): GrantRow {
  return { position: 0, displayedDate, state: 'available', stateText: 'Available', amountCents, remainingCents, currency: 'USD', expiresOn: null, ...rest };
}

/** A full $10.00 grant shown as Oct 31, 2026 that expires Nov 30, 2027, with `over` changed. */
export function grantRow(over: Partial<GrantRow> = {}): GrantRow {
  return grant('2026-10-31', 1000, 1000, { expiresOn: '2027-11-30', ...over });
}

export function invoice(number: string, createdAt: string, totalCents: number, rest: Partial<InvoiceRow> = {}): InvoiceRow {
  return { position: 0, number, status: 'paid', statusText: 'Paid', totalCents, currency: 'USD', createdAt, url: null, ...rest };
}

/** Rows numbered in the order given, as a page lists them. */
export const listed = <T extends { position: number }>(rows: T[]): T[] => rows.map((r, position) => ({ ...r, position }));

export function reportOfSnapshots(snapshots: Snapshot[], today: string, settings?: Settings): Report {
  const ledger = snapshots.reduce(mergeSnapshot, emptyLedger());
  const org = ledger.organizations[ORG];
  if (!org) throw new Error('no organization was placed');
  return buildReport(org, { today, settings });
}

export const criticals = (r: Report) => r.alerts.filter((a) => a.severity === 'critical');
