// The stored and exported form of the ledger (version 2): compact, because a heavy user has
// tens of thousands of rows and storage.local holds 10 MB. Rows are tuples; grant ids are not
// stored (they follow from the row, see identity.ts); the moments rows were seen repeat across
// rows (one page visit sees them all), so each organization keeps them once, in `times`, and
// rows refer to them by index. In memory the ledger is the expanded form of schema.ts.
import { z } from 'zod';
import { PAGE_KINDS } from '../dashboard/pages/kinds';
import { GRANT_STATES, INVOICE_STATUSES } from '../dashboard/snapshot';
import { DateSchema, DateTimeSchema } from '../snapshot-schema';
import { grantGroupKey, grantId } from './identity';
import { LEDGER_SCHEMA, LEDGER_VERSION, OrgLedgerSchema, emptyLedger, type Ledger, type LedgerGrant, type LedgerInvoice } from './schema';

const cents = z.number().int().safe();
const time = z.number().int().nonnegative();

/** [displayedDate, amountCents, currency, expiresOn, rank, state, stateText, stateSeenAt, remaining[[cents, first, last]]] */
export const StoredGrantSchema = z.tuple([
  DateSchema,
  cents.nonnegative(),
  z.string().max(8),
  DateSchema.nullable(),
  z.number().int().nonnegative(),
  z.enum(GRANT_STATES),
  z.string().max(200),
  time,
  z.array(z.tuple([cents, time, time])).min(1).max(10_000),
]);

/** [number, totalCents, currency, createdAt, url, statuses[[status, text, first, last]]] */
export const StoredInvoiceSchema = z.tuple([
  z.string().min(1).max(200),
  cents,
  z.string().max(8),
  DateTimeSchema,
  z.string().max(2048).nullable(),
  z.array(z.tuple([z.enum(INVOICE_STATUSES), z.string().max(200), time, time])).min(1).max(1000),
]);

export const StoredOrgSchema = OrgLedgerSchema.omit({ grants: true, invoices: true }).extend({
  times: z.array(DateTimeSchema).max(1_000_000),
  grants: z.array(z.unknown()),
  invoices: z.array(z.unknown()),
});

export const StoredLedgerSchema = z.object({
  schema: z.literal(LEDGER_SCHEMA),
  version: z.literal(LEDGER_VERSION),
  organizations: z.record(z.string().max(200), StoredOrgSchema),
});
export type StoredLedger = z.infer<typeof StoredLedgerSchema>;

export function toStored(ledger: Ledger): StoredLedger {
  const organizations: StoredLedger['organizations'] = {};
  for (const key of Object.keys(ledger.organizations).sort()) {
    const org = ledger.organizations[key]!;
    const times: string[] = [];
    const index = new Map<string, number>();
    const t = (at: string): number => {
      let i = index.get(at);
      if (i === undefined) {
        i = times.push(at) - 1;
        index.set(at, i);
      }
      return i;
    };
    const grants = org.grants.map((g) => [g.displayedDate, g.amountCents, g.currency, g.expiresOn, g.rank, g.state, g.stateText, t(g.stateSeenAt), g.remaining.map(([c, a, b]) => [c, t(a), t(b)])]);
    const invoices = org.invoices.map((i) => [i.number, i.totalCents, i.currency, i.createdAt, i.url, i.statuses.map(([s, x, a, b]) => [s, x, t(a), t(b)])]);
    // Pages in a fixed order of kinds: equal ledgers are stored as equal bytes.
    const pages: typeof org.pages = {};
    for (const kind of PAGE_KINDS) if (org.pages[kind]) pages[kind] = org.pages[kind];
    organizations[key] = { organization: org.organization, overview: org.overview, usage: org.usage, pages, times, grants, invoices };
  }
  return { schema: LEDGER_SCHEMA, version: LEDGER_VERSION, organizations };
}

export interface Expanded {
  ledger: Ledger;
  /** Rows that did not validate and were left out (0 for an intact ledger). */
  dropped: number;
}

/** Expand a stored ledger whose outline validated; each row is checked on its own. */
export function fromStored(stored: StoredLedger): Expanded {
  const ledger = emptyLedger();
  let dropped = 0;
  for (const [key, org] of Object.entries(stored.organizations)) {
    const at = (i: number): string | undefined => org.times[i];
    const grants: LedgerGrant[] = [];
    for (const raw of org.grants) {
      const r = StoredGrantSchema.safeParse(raw);
      const seen = r.success ? at(r.data[7]) : undefined;
      const remaining = r.success ? r.data[8].map(([c, a, b]) => [c, at(a), at(b)] as const) : [];
      if (!r.success || !seen || remaining.some(([, a, b]) => !a || !b)) {
        dropped++;
        continue;
      }
      const [displayedDate, amountCents, currency, expiresOn, rank, state, stateText] = r.data;
      grants.push({
        id: grantId(grantGroupKey({ displayedDate, amountCents, currency, expiresOn }), rank),
        displayedDate,
        amountCents,
        currency,
        expiresOn,
        rank,
        remaining: remaining as [number, string, string][],
        state,
        stateText,
        stateSeenAt: seen,
      });
    }
    const invoices: LedgerInvoice[] = [];
    for (const raw of org.invoices) {
      const r = StoredInvoiceSchema.safeParse(raw);
      const statuses = r.success ? r.data[5].map(([s, x, a, b]) => [s, x, at(a), at(b)] as const) : [];
      if (!r.success || statuses.some(([, , a, b]) => !a || !b)) {
        dropped++;
        continue;
      }
      const [number, totalCents, currency, createdAt, url] = r.data;
      invoices.push({ number, totalCents, currency, createdAt, url, statuses: statuses as LedgerInvoice['statuses'] });
    }
    const { times: _t, grants: _g, invoices: _i, ...rest } = org;
    ledger.organizations[key] = { ...rest, grants, invoices };
  }
  return { ledger, dropped };
}
