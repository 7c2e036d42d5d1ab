// What each row's badge can say the moment the table is read, before the background answers:
// the note last answered for the same row (by its key, lib/row-notes.ts) in the same
// organization, else only what the page itself shows (components/RowBadge.tsx), else nothing.
import { pageGrantNote, pageInvoiceNote } from '../../components/RowBadge';
import { isCharge } from '../../lib/analysis/charges';
import type { PageKind } from '../../lib/dashboard/pages';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import type { RowMemory } from '../../lib/messages';
import type { RowKeys, RowNote, RowNotes } from '../../lib/row-notes';

type Org = Pick<Snapshot, 'organization' | 'organizationId'>;
const label = (s: Org) => `${s.organization ?? ''}\n${s.organizationId ?? ''}`;

export class KnownNotes {
  private memory: RowMemory[] = [];
  /** Pages some organization has read; null until the background said. */
  private read: readonly PageKind[] | null = null;
  private notes = new Map<string, RowNote | null>();
  private org: string | null = null;

  /** What the background kept for this page (asked at the start of the visit). */
  remember(memory: RowMemory[], read: readonly PageKind[]): void {
    this.memory = memory;
    this.read = read;
    this.org = null; // taken in again at the next read
  }

  /** The background's notes for the rows of a read (with these keys), kept while its organization is shown. */
  learn(snapshot: Snapshot, keys: RowKeys, notes: RowNotes): void {
    if (label(snapshot) !== this.org) return;
    keys.grants.forEach((k, i) => k !== null && this.notes.set(k, notes.grants[i] ?? null));
    keys.invoices.forEach((k, i) => this.notes.set(k, notes.invoices[i] ?? null));
  }

  /** The note each row of `snapshot` can show now; null where nothing is known yet. */
  notesFor(snapshot: Snapshot, keys: RowKeys): RowNotes {
    this.follow(snapshot);
    const read = this.read;
    const historyRead = read === null || read.includes('billing-history');
    const grantsRead = read === null || read.includes('credit-grants');
    // A charge takes the account's currency; a page in more than one leaves that to the background.
    const currencies = new Set(snapshot.invoices.map((r) => r.currency));
    const currency = currencies.size === 1 ? [...currencies][0]! : null;
    const known = (key: string | null): RowNote | null | undefined => (key !== null && this.notes.has(key) ? this.notes.get(key)! : undefined);
    const either = (key: string | null, page: () => RowNote | null): RowNote | null => {
      const note = known(key);
      return note === undefined ? page() : note;
    };
    return {
      grants: keys.grants.map((k) => either(k, () => pageGrantNote(historyRead))),
      invoices: keys.invoices.map((k, i) => {
        const row = snapshot.invoices[i]!;
        return either(k, () => pageInvoiceNote(row, currency !== null && isCharge(row, currency), grantsRead));
      }),
    };
  }

  /** Notes are of one organization: a read of another starts from what is kept for that one. */
  private follow(snapshot: Snapshot): void {
    const org = label(snapshot);
    if (org === this.org) return;
    this.org = org;
    this.notes = new Map();
    const id = snapshot.organizationId ?? null;
    const kept = snapshot.organization === null ? undefined : this.memory.find((m) => m.organization === snapshot.organization && (id === null || m.orgIds.includes(id)));
    kept?.keys.forEach((k, i) => this.notes.set(k, kept.notes[i] ?? null));
  }
}
