// Which organization a read belongs to. The ledger never forgets, so a read must never join an
// organization it does not belong to: every clue the page gave is checked against what the ledger
// knows of each organization (its name, the ids its pages showed, its invoice-number prefix, which
// is fixed per customer, its invoices and grants).
//
// - A read joins the one organization it matches (by a clue) and does not contradict.
// - A read that contradicts the organization it names (another invoice prefix, an invoice number
//   with other amounts, grants that cannot be its grants) starts a new organization: never a merge.
// - A read that names no organization, or could be several, is held until the user assigns it.
import { indexById } from './sorted-upsert';
import type { InvoiceRow, Snapshot } from '../dashboard/snapshot';
import { grantGroupKey } from './identity';
import { ORG_PREFIX, freeOrgKey, type Ledger, type OrgLedger } from './schema';

export interface OrgClues {
  /** The name the switcher shows. */
  name: string | null;
  /** An organization id from the URL or the switcher's attributes. */
  id: string | null;
  /** Invoice-number prefixes on the page (one per customer). */
  prefixes: string[];
}

export type Placement =
  | { kind: 'org'; key: string; created: boolean; note?: string }
  | { kind: 'held'; reason: string; candidates: string[] };

/** "0FCE475C" of "0FCE475C-0004": the part of an invoice number fixed for the customer. */
export function invoicePrefix(number: string): string | null {
  const m = /^([0-9A-Z]{8})-\d{1,8}$/.exec(number.trim());
  return m && ORG_PREFIX.test(m[1]!) ? m[1]! : null;
}

export function prefixesOf(invoices: readonly Pick<InvoiceRow, 'number'>[]): string[] {
  const set = new Set<string>();
  for (const i of invoices) {
    const p = invoicePrefix(i.number);
    if (p) set.add(p);
  }
  return [...set].sort();
}

export function cluesOf(snapshot: Snapshot): OrgClues {
  return { name: snapshot.organization, id: snapshot.organizationId ?? null, prefixes: prefixesOf(snapshot.invoices) };
}

/** The clues an organization's own rows give (an imported or held one). */
export function cluesOfOrg(org: OrgLedger): OrgClues {
  return { name: org.organization, id: org.orgIds[0] ?? null, prefixes: org.invoicePrefixes };
}

/** FNV-1a, 32 bits, as hex: a short name for a longer text. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * Reads of the same page with the same clues and the same rows (by identity, not balance) are
 * held as one: a page read again joins its earlier read. Another organization's page of the same
 * kind, also unnamed, shows other rows and is held apart, so assigning one never takes the other.
 */
export function heldId(source: string, clues: OrgClues, org: OrgLedger): string {
  const rows = [
    ...org.grants.map((g) => grantGroupKey(g)).sort(),
    '/',
    ...org.invoices.map((i) => i.number).sort(),
    '/',
    org.overview ? JSON.stringify([org.overview.balanceCents, org.overview.autoRecharge]) : '',
    org.usage ? JSON.stringify([org.usage.totalSpendCents, org.usage.from, org.usage.to]) : '',
  ];
  return [source, clues.name ?? '', clues.id ?? '', clues.prefixes.join(','), shortHash(rows.join('\n'))].join('|');
}

const nameOf = (ledger: Ledger, key: string) => ledger.organizations[key]?.organization ?? key;

/** Latest remaining balance of each grant of `org`, by identity group, fullest first. */
function latestByGroup(org: OrgLedger): Map<string, { values: number[]; seenAt: string }> {
  const groups = new Map<string, { values: number[]; seenAt: string }>();
  for (const g of org.grants) {
    const latest = g.remaining.reduce((best, o) => (o[2] > best[2] || (o[2] === best[2] && o[0] < best[0]) ? o : best));
    const key = grantGroupKey(g);
    const group = groups.get(key) ?? { values: [], seenAt: '' };
    group.values.push(latest[0]);
    if (latest[2] > group.seenAt) group.seenAt = latest[2];
    groups.set(key, group);
  }
  for (const g of groups.values()) g.values.sort((a, b) => b - a);
  return groups;
}

/** Whether the snapshot shows its whole grants table (its page markers say so). */
function wholeGrantsTable(snapshot: Snapshot): boolean {
  const p = snapshot.tablePosition;
  if (!p || snapshot.page !== 'credit-grants') return false;
  if (p.totalRows !== null) return p.totalRows === snapshot.grants.length && (p.firstRow ?? 1) === 1;
  return p.pages === 1;
}

/**
 * Why the read cannot belong to `org`, or null. Invoice numbers are the customer's own: the same
 * number with another amount or date is another customer's. A whole grants table read after the
 * ledger's last sighting must hold every grant seen before, none with more credit than it had.
 */
export function contradiction(org: OrgLedger, clues: OrgClues, read: OrgLedger, snapshot?: Snapshot): string | null {
  if (clues.name !== null && org.organization !== null && clues.name !== org.organization) return `the page names "${clues.name}"`;
  if (clues.id !== null && org.orgIds.length > 0 && !org.orgIds.includes(clues.id)) return `the page shows the organization id ${clues.id}`;
  const otherPrefix = clues.prefixes.find((p) => org.invoicePrefixes.length > 0 && !org.invoicePrefixes.includes(p));
  if (otherPrefix) return `its invoice numbers start ${otherPrefix}, not ${org.invoicePrefixes.join(' or ')}`;
  // The ledger's index of its invoices (kept with its array): only the page's rows are looked at.
  const known = indexById(org.invoices, (i) => i.number);
  for (const i of read.invoices) {
    const at = known.get(i.number);
    const had = at === undefined ? undefined : org.invoices[at];
    if (had && (had.totalCents !== i.totalCents || had.createdAt !== i.createdAt || had.currency !== i.currency)) {
      return `invoice ${i.number} shows another amount or date than the one already recorded`;
    }
  }
  if (snapshot && wholeGrantsTable(snapshot)) {
    const seen = latestByGroup(org);
    const now = latestByGroup(read);
    for (const [key, before] of seen) {
      const after = now.get(key);
      if (after && after.seenAt < before.seenAt) continue; // an older page: it proves nothing
      const rows = after?.values ?? [];
      if (rows.length < before.values.length) return `its whole grants table lacks grants already seen (${key.split('|')[0]})`;
      // New grants may take any rows; the ones seen before must have at most the credit they had.
      const extra = rows.length - before.values.length;
      if (before.values.some((v, i) => rows[extra + i]! > v)) return `a grant of ${key.split('|')[0]} holds more credit than it did`;
    }
  }
  return null;
}

/** Which organization a read belongs to (see the top of this file). */
export function placeOrg(ledger: Ledger, clues: OrgClues, read: OrgLedger, snapshot?: Snapshot): Placement {
  const keys = Object.keys(ledger.organizations);
  const matches = (org: OrgLedger) =>
    (clues.name !== null && org.organization === clues.name) ||
    (clues.id !== null && org.orgIds.includes(clues.id)) ||
    clues.prefixes.some((p) => org.invoicePrefixes.includes(p));
  const matched = keys.filter((k) => matches(ledger.organizations[k]!));
  // A prefix or id that other organizations own, and this one does not, contradicts it as much as
  // its own would. (Where two organizations share one, it was kept apart before: no new split.)
  const ownedElsewhere = (key: string): string | null => {
    const own = ledger.organizations[key]!;
    for (const other of keys) {
      if (other === key) continue;
      const o = ledger.organizations[other]!;
      const p = clues.prefixes.find((x) => o.invoicePrefixes.includes(x) && !own.invoicePrefixes.includes(x));
      if (p) return `its invoice numbers start ${p}, like those of "${nameOf(ledger, other)}"`;
      if (clues.id !== null && o.orgIds.includes(clues.id) && !own.orgIds.includes(clues.id)) return `its organization id is that of "${nameOf(ledger, other)}"`;
    }
    return null;
  };
  const why = new Map(matched.map((k) => [k, contradiction(ledger.organizations[k]!, clues, read, snapshot) ?? ownedElsewhere(k)]));
  const fit = matched.filter((k) => why.get(k) === null);
  if (fit.length === 1) return { kind: 'org', key: fit[0]!, created: false };
  // Held reasons depend on the page alone, not on the ledger of the moment, so the holding area
  // is the same whatever order pages arrive in; the popup names the candidates when it shows it.
  if (fit.length > 1) {
    const reason = clues.name !== null ? `This page names "${clues.name}", and more than one organization has that name.` : 'What this page shows fits more than one organization.';
    return { kind: 'held', reason, candidates: fit };
  }
  if (matched.length > 0) {
    const first = matched[0]!;
    const note = `This page was kept apart from "${nameOf(ledger, first)}": ${why.get(first)}.`;
    if (clues.name !== null) return { kind: 'org', key: freeOrgKey(ledger, clues.name), created: true, note };
    return { kind: 'held', reason: `This page does not name its organization, and it does not fit the one its invoice numbers point to.`, candidates: [] };
  }
  if (clues.name !== null) return { kind: 'org', key: freeOrgKey(ledger, clues.name), created: true };
  const reason =
    clues.prefixes.length > 0
      ? `This page does not name its organization, and its invoice numbers (${clues.prefixes.join(', ')}-…) were not seen on a page that does.`
      : 'This page does not name its organization.';
  return { kind: 'held', reason, candidates: keys };
}

/** The organizations a held read could be assigned to: those it does not contradict. */
export function heldCandidates(ledger: Ledger, org: OrgLedger): string[] {
  const clues = cluesOfOrg(org);
  return Object.keys(ledger.organizations).filter((k) => contradiction(ledger.organizations[k]!, clues, org) === null);
}
