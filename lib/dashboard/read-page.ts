// Read one billing page into a Snapshot. Pure: a Document in, data out, no browser APIs.
import type { PageKind } from './routes';
import type { Snapshot } from './snapshot';

export function readPage(doc: Document, page: PageKind, url: string, seenAt: string): Snapshot {
  return {
    page,
    url,
    organization: null,
    seenAt,
    grants: [],
    invoices: [],
    overview: null,
    usage: null,
    understood: false,
    warnings: [],
  };
}
