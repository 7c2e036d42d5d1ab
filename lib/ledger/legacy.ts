// Earlier stored forms, kept only to upgrade them (migrate.ts). Each step reads its version row by
// row: what validates is carried forward, what does not is counted, so a damaged old ledger loses
// only its damaged rows. Golden examples: tests/fixtures/ledger-v1.json, ledger-v2.json.
import { z } from 'zod';
import { PAGE_KINDS } from '../dashboard/pages/kinds';
import { GRANT_STATES } from '../dashboard/snapshot';
import { AutoRechargeSchema, DateSchema, DateTimeSchema } from '../snapshot-schema';
import { grantGroupKey, grantId } from './identity';
import { joinGrant } from './merge';
import { prefixesOf } from './organizations';
import { LEDGER_SCHEMA, LedgerInvoiceSchema, PageSeenSchema, emptyOrg, orgRecord, type LedgerGrant, type LedgerInvoice, type OrgLedger } from './schema';
import { readStoredInvoice, storedInvoice, timeTable, toStoredOrg, type StoredOrg } from './stored';

export interface Step {
  value: Record<string, unknown>;
  /** Rows left out because they did not validate. */
  dropped: number;
}

const cents = z.number().int().safe();
const seen = DateTimeSchema;
const Overview = z.object({ seenAt: seen, balanceCents: cents.nullable(), autoRecharge: AutoRechargeSchema.nullable() }).nullable();
const Usage = z.object({ seenAt: seen, totalSpendCents: cents, from: DateSchema.nullable(), to: DateSchema.nullable() }).nullable();
const Pages = z.partialRecord(z.enum(PAGE_KINDS), PageSeenSchema);

/** A grant as versions 1 and 2 held it in memory (expiry was part of its identity). */
const GrantV2Schema = z.object({
  displayedDate: DateSchema,
  amountCents: cents.nonnegative(),
  currency: z.string().max(8),
  expiresOn: DateSchema.nullable(),
  rank: z.number().int().nonnegative(),
  remaining: z.array(z.tuple([cents, seen, seen])).min(1).max(10_000),
  state: z.enum(GRANT_STATES),
  stateText: z.string().max(200),
  stateSeenAt: seen,
});
type GrantV2 = z.infer<typeof GrantV2Schema>;

interface OrgV2 {
  organization: string | null;
  grants: GrantV2[];
  invoices: LedgerInvoice[];
  overview: OrgLedger['overview'];
  usage: OrgLedger['usage'];
  pages: OrgLedger['pages'];
}

const orgEntries = (value: Record<string, unknown>): [string, unknown][] => {
  const orgs = value.organizations;
  return typeof orgs === 'object' && orgs !== null && !Array.isArray(orgs) ? Object.entries(orgs) : [];
};
const asObject = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const fieldOr = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
  const r = schema.safeParse(value);
  return r.success ? r.data : fallback;
};

function commonFields(o: Record<string, unknown>): Pick<OrgV2, 'organization' | 'overview' | 'usage' | 'pages'> {
  return {
    organization: typeof o.organization === 'string' ? o.organization.slice(0, 200) : null,
    overview: fieldOr(Overview, o.overview, null),
    usage: fieldOr(Usage, o.usage, null),
    pages: fieldOr(Pages, o.pages, {}),
  };
}

/** Version 1 stored the expanded form: validate each row, then write version 2's tuples. */
export function stepV1(value: Record<string, unknown>): Step {
  let dropped = 0;
  const organizations = orgRecord<unknown>();
  for (const [key, raw] of orgEntries(value)) {
    const o = asObject(raw);
    if (!Array.isArray(o.grants) || !Array.isArray(o.invoices)) {
      dropped += 1; // not an organization at all
      continue;
    }
    const grants: GrantV2[] = [];
    for (const g of Array.isArray(o.grants) ? o.grants : []) {
      const r = GrantV2Schema.safeParse(g);
      if (r.success) grants.push(r.data);
      else dropped++;
    }
    const invoices: LedgerInvoice[] = [];
    for (const i of Array.isArray(o.invoices) ? o.invoices : []) {
      const r = LedgerInvoiceSchema.safeParse(i);
      if (r.success) invoices.push(r.data);
      else dropped++;
    }
    organizations[key.slice(0, 200)] = toStoredV2({ ...commonFields(o), grants, invoices });
  }
  return { value: { schema: LEDGER_SCHEMA, version: 2, organizations }, dropped };
}

/** Version 2's compact form (as it was written). */
function toStoredV2(org: OrgV2): Record<string, unknown> {
  const { times, t } = timeTable();
  const grants = org.grants.map((g) => [g.displayedDate, g.amountCents, g.currency, g.expiresOn, g.rank, g.state, g.stateText, t(g.stateSeenAt), g.remaining.map(([c, a, b]) => [c, t(a), t(b)])]);
  const invoices = org.invoices.map((i) => storedInvoice(i, t));
  const pages: OrgLedger['pages'] = {};
  for (const kind of PAGE_KINDS) if (org.pages[kind]) pages[kind] = org.pages[kind];
  return { organization: org.organization, overview: org.overview, usage: org.usage, pages, times, grants, invoices };
}

const time = z.number().int().nonnegative();
const StoredGrantV2 = z.tuple([DateSchema, cents.nonnegative(), z.string().max(8), DateSchema.nullable(), z.number().int().nonnegative(), z.enum(GRANT_STATES), z.string().max(200), time, z.array(z.tuple([cents, time, time])).min(1).max(10_000)]);

function fromStoredV2(o: Record<string, unknown>): { org: OrgV2; dropped: number } {
  const times = fieldOr(z.array(DateTimeSchema).max(1_000_000), o.times, []);
  const at = (i: number) => times[i];
  let dropped = 0;
  const grants: GrantV2[] = [];
  for (const raw of Array.isArray(o.grants) ? o.grants : []) {
    const r = StoredGrantV2.safeParse(raw);
    const remaining = r.success ? r.data[8].map(([c, a, b]) => [c, at(a), at(b)] as const) : [];
    const stateSeenAt = r.success ? at(r.data[7]) : undefined;
    if (!r.success || !stateSeenAt || remaining.some(([, a, b]) => !a || !b)) {
      dropped++;
      continue;
    }
    const [displayedDate, amountCents, currency, expiresOn, rank, state, stateText] = r.data;
    grants.push({ displayedDate, amountCents, currency, expiresOn, rank, state, stateText, stateSeenAt, remaining: remaining as [number, string, string][] });
  }
  const invoices: LedgerInvoice[] = [];
  for (const raw of Array.isArray(o.invoices) ? o.invoices : []) {
    const invoice = readStoredInvoice(raw, at);
    if (invoice) invoices.push(invoice);
    else dropped++;
  }
  return { org: { ...commonFields(o), grants, invoices }, dropped };
}

const latest = (g: GrantV2) => g.remaining.reduce((best, o) => (o[2] > best[2] || (o[2] === best[2] && o[0] < best[0]) ? o : best))[0];

/**
 * Version 2 kept the expiry in a grant's identity, so a grant read once without its expiry was
 * stored twice. Per (date, amount, currency): the grants with a known expiry are ranked afresh
 * (fullest first, later expiry first), and the k-th grant read without expiry is the k-th of
 * them; the group holds as many grants as the larger of the two counts.
 */
export function regroupV2(org: OrgV2): OrgLedger {
  const position = new Map(org.grants.map((g, i) => [g, i]));
  const groups = new Map<string, { known: GrantV2[]; unknown: GrantV2[] }>();
  for (const g of org.grants) {
    const key = grantGroupKey(g);
    const group = groups.get(key) ?? { known: [], unknown: [] };
    (g.expiresOn === null ? group.unknown : group.known).push(g);
    groups.set(key, group);
  }
  const grants: LedgerGrant[] = [];
  for (const [key, { known, unknown }] of groups) {
    known.sort((a, b) => latest(b) - latest(a) || (a.expiresOn! < b.expiresOn! ? 1 : a.expiresOn! > b.expiresOn! ? -1 : a.rank - b.rank));
    unknown.sort((a, b) => a.rank - b.rank);
    const ranks: LedgerGrant[][] = [];
    const add = (list: GrantV2[]) =>
      list.forEach((g, rank) => {
        (ranks[rank] ??= []).push({
          id: grantId(key, rank),
          displayedDate: g.displayedDate,
          amountCents: g.amountCents,
          currency: g.currency,
          expiresOn: g.expiresOn,
          expiresSeenAt: g.expiresOn === null ? null : g.stateSeenAt,
          rank,
          remaining: g.remaining,
          state: g.state,
          stateText: g.stateText,
          stateSeenAt: g.stateSeenAt,
          position: position.get(g)!,
          positionSeenAt: g.stateSeenAt,
        });
      });
    add(known);
    add(unknown);
    for (const same of ranks) grants.push(same.reduce(joinGrant));
  }
  grants.sort((a, b) => a.position - b.position);
  return { ...emptyOrg(org.organization), invoicePrefixes: prefixesOf(org.invoices), overview: org.overview, usage: org.usage, pages: org.pages, grants, invoices: org.invoices };
}

/** Version 2 → 3: new grant identity, organizations' clues, held reads, site order. */
export function stepV2(value: Record<string, unknown>): Step {
  let dropped = 0;
  const organizations = orgRecord<StoredOrg>();
  for (const [key, raw] of orgEntries(value)) {
    const o = asObject(raw);
    if (!Array.isArray(o.grants) || !Array.isArray(o.invoices) || !Array.isArray(o.times)) {
      dropped += 1 + (Array.isArray(o.grants) ? o.grants.length : 0) + (Array.isArray(o.invoices) ? o.invoices.length : 0);
      continue;
    }
    const r = fromStoredV2(o);
    dropped += r.dropped;
    organizations[key.slice(0, 200)] = toStoredOrg(regroupV2(r.org));
  }
  // An unnamed organization (key "") becomes a held read in fromStored.
  return { value: { schema: LEDGER_SCHEMA, version: 3, organizations, held: [] }, dropped };
}
