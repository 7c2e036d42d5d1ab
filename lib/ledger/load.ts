// Reading a ledger from storage or a file: migrate, validate, and when it does not validate,
// recover what can be recovered instead of throwing it all away.
import type { z } from 'zod';
import { migrate } from './migrate';
import { emptyLedger, LedgerGrantSchema, LedgerInvoiceSchema, LedgerSchema, OrgLedgerSchema, emptyOrg, type Ledger } from './schema';

export type Loaded =
  | { ok: true; ledger: Ledger }
  | { ok: false; ledger: Ledger; reason: string; recovered: { grants: number; invoices: number; dropped: number } };

function issue(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'the top level'}: ${first.message}` : 'invalid';
}

export function loadLedger(raw: unknown): Loaded {
  if (raw === undefined || raw === null) return { ok: true, ledger: emptyLedger() };
  const migrated = migrate(raw);
  if (!migrated.ok) return { ok: false, ledger: emptyLedger(), reason: `The stored ledger could not be read: ${migrated.reason}.`, recovered: { grants: 0, invoices: 0, dropped: 0 } };
  const parsed = LedgerSchema.safeParse(migrated.value);
  if (parsed.success) return { ok: true, ledger: parsed.data };
  return salvage(migrated.value, `The stored ledger is damaged (${issue(parsed.error)}).`);
}

/** Keep every organization, grant and invoice that still validates on its own. */
function salvage(value: unknown, reason: string): Loaded {
  const ledger = emptyLedger();
  let grants = 0;
  let invoices = 0;
  let dropped = 0;
  const orgs = (value as { organizations?: unknown }).organizations;
  if (typeof orgs === 'object' && orgs !== null) {
    for (const [key, rawOrg] of Object.entries(orgs)) {
      const whole = OrgLedgerSchema.safeParse(rawOrg);
      if (whole.success) {
        ledger.organizations[key] = whole.data;
        grants += whole.data.grants.length;
        invoices += whole.data.invoices.length;
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
      grants += org.grants.length;
      invoices += org.invoices.length;
      ledger.organizations[key.slice(0, 200)] = org;
    }
  }
  return { ok: false, ledger, reason, recovered: { grants, invoices, dropped } };
}
