// Reading a ledger from storage or a file: migrate, validate, and when it does not validate,
// recover what can be recovered instead of throwing it all away.
import { migrate } from './migrate';
import { emptyLedger, emptyOrg, LedgerGrantSchema, LedgerInvoiceSchema, OrgLedgerSchema, type Ledger } from './schema';
import { fromStored, StoredLedgerSchema, StoredOrgSchema } from './stored';

export type Loaded =
  | { ok: true; ledger: Ledger }
  | { ok: false; ledger: Ledger; reason: string; recovered: { grants: number; invoices: number; dropped: number } };

const count = (l: Ledger, k: 'grants' | 'invoices') => Object.values(l.organizations).reduce((n, o) => n + o[k].length, 0);

function damaged(ledger: Ledger, detail: string, dropped: number): Loaded {
  return { ok: false, ledger, reason: `The stored ledger is damaged (${detail}).`, recovered: { grants: count(ledger, 'grants'), invoices: count(ledger, 'invoices'), dropped } };
}

export function loadLedger(raw: unknown): Loaded {
  if (raw === undefined || raw === null) return { ok: true, ledger: emptyLedger() };
  const migrated = migrate(raw);
  if (!migrated.ok) {
    if (migrated.damaged === 1) return salvageV1(raw, migrated.reason);
    return { ok: false, ledger: emptyLedger(), reason: `The stored ledger could not be read: ${migrated.reason}.`, recovered: { grants: 0, invoices: 0, dropped: 0 } };
  }
  const outline = StoredLedgerSchema.safeParse(migrated.value);
  if (outline.success) {
    const { ledger, dropped } = fromStored(outline.data);
    return dropped ? damaged(ledger, `${dropped} rows did not validate`, dropped) : { ok: true, ledger };
  }
  return salvageStored(migrated.value, outline.error.issues[0]?.path.join('.') ?? 'the top level');
}

/** Version 2 whose outline is damaged: keep every organization whose outline still holds. */
function salvageStored(value: unknown, where: string): Loaded {
  let ledger = emptyLedger();
  let dropped = 0;
  const orgs = (value as { organizations?: unknown }).organizations;
  for (const [key, org] of Object.entries(typeof orgs === 'object' && orgs !== null ? orgs : {})) {
    const r = StoredOrgSchema.safeParse(org);
    if (!r.success) {
      const o = org as { grants?: unknown[]; invoices?: unknown[] };
      dropped += (Array.isArray(o?.grants) ? o.grants.length : 0) + (Array.isArray(o?.invoices) ? o.invoices.length : 0);
      continue;
    }
    const expanded = fromStored({ ...emptyLedger(), organizations: { [key.slice(0, 200)]: r.data } });
    dropped += expanded.dropped;
    ledger = { ...ledger, organizations: { ...ledger.organizations, ...expanded.ledger.organizations } };
  }
  return damaged(ledger, `at ${where}`, dropped);
}

/** Version 1 that does not validate: keep every organization, grant and invoice that does. */
function salvageV1(value: unknown, detail: string): Loaded {
  const ledger = emptyLedger();
  let dropped = 0;
  const orgs = (value as { organizations?: unknown }).organizations;
  for (const [key, rawOrg] of Object.entries(typeof orgs === 'object' && orgs !== null ? orgs : {})) {
    const whole = OrgLedgerSchema.safeParse(rawOrg);
    if (whole.success) {
      ledger.organizations[key] = whole.data;
      continue;
    }
    const o = (rawOrg ?? {}) as Record<string, unknown>;
    const org = emptyOrg(typeof o.organization === 'string' ? o.organization.slice(0, 200) : null);
    for (const g of Array.isArray(o.grants) ? o.grants : []) {
      const r = LedgerGrantSchema.safeParse(g);
      if (r.success) org.grants.push(r.data);
      else dropped++;
    }
    for (const i of Array.isArray(o.invoices) ? o.invoices : []) {
      const r = LedgerInvoiceSchema.safeParse(i);
      if (r.success) org.invoices.push(r.data);
      else dropped++;
    }
    for (const field of ['overview', 'usage', 'pages'] as const) {
      const r = OrgLedgerSchema.shape[field].safeParse(o[field]);
      if (r.success) (org as Record<string, unknown>)[field] = r.data;
    }
    ledger.organizations[key.slice(0, 200)] = org;
  }
  return damaged(ledger, detail, dropped);
}
