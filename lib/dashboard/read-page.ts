// Read one billing page into a Snapshot. Pure: a Document in, data out, no browser APIs.
import { readGrants } from './grants';
import { readInvoices } from './invoices';
import { readOrganizationClues } from './organization';
import { readTablePosition } from './page-marker';
import { readOverview } from './overview';
import type { PageKind } from './routes';
import type { Snapshot } from './snapshot';
import { readUsage } from './usage';

export interface PageRead {
  snapshot: Snapshot;
  /** Badge places, parallel to snapshot.grants and snapshot.invoices. */
  grantAnchors: Element[];
  invoiceAnchors: Element[];
}

export function readPage(doc: Document, page: PageKind, url: string, seenAt: string): Snapshot {
  return readPageWithAnchors(doc, page, url, seenAt).snapshot;
}

export function readPageWithAnchors(doc: Document, page: PageKind, url: string, seenAt: string): PageRead {
  let grantAnchors: Element[] = [];
  let invoiceAnchors: Element[] = [];
  if (!doc.documentElement || !doc.body) {
    const snapshot: Snapshot = { page, url, organization: null, seenAt, grants: [], invoices: [], overview: null, usage: null, understood: false, warnings: ['The page is empty.'] };
    return { snapshot, grantAnchors, invoiceAnchors };
  }
  // The organization is read in the same moment as the rows (organization.ts).
  const org = readOrganizationClues(doc, url);
  const snapshot: Snapshot = {
    page,
    url,
    organization: org.name,
    organizationId: org.id,
    organizationConflict: org.conflict,
    seenAt,
    grants: [],
    invoices: [],
    overview: null,
    usage: null,
    understood: false,
    warnings: [],
  };
  if (page === 'credit-grants') {
    const read = readGrants(doc);
    Object.assign(snapshot, { grants: read.rows, understood: read.found, warnings: read.warnings, tablePosition: read.found ? readTablePosition(doc) : null });
    grantAnchors = read.anchors;
  } else if (page === 'billing-history') {
    const read = readInvoices(doc);
    Object.assign(snapshot, { invoices: read.rows, understood: read.found, warnings: read.warnings });
    invoiceAnchors = read.anchors;
  } else if (page === 'overview') {
    const read = readOverview(doc);
    Object.assign(snapshot, { overview: read.info, understood: read.info !== null, warnings: read.warnings });
  } else {
    const read = readUsage(doc);
    Object.assign(snapshot, { usage: read.info, understood: read.info !== null, warnings: read.warnings });
    // Grants used to sit on the usage page (/account/usage): take them when they are there.
    const grants = readGrants(doc);
    if (grants.found) {
      snapshot.grants = grants.rows;
      snapshot.understood = true;
      snapshot.warnings.push(...grants.warnings);
      grantAnchors = grants.anchors;
    }
  }
  return { snapshot, grantAnchors, invoiceAnchors };
}
