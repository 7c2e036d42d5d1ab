// Export and import: the export is the ledger itself as JSON (also what `npm run audit
// --save-ledger` writes and what `audit` accepts). Import validates and merges, never replaces.
import { loadLedger } from './load';
import { joinLedgers, ledgerCounts } from './merge';
import { LEDGER_SCHEMA, type Ledger } from './schema';
import { toStored } from './stored';

/** The compact stored form as JSON; organizations sorted, so a ledger always exports the same bytes. */
export function exportLedger(ledger: Ledger): string {
  return `${JSON.stringify(toStored(ledger))}\n`;
}

export function looksLikeLedger(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { schema?: unknown }).schema === LEDGER_SCHEMA;
}

export type Imported =
  | { ok: true; ledger: Ledger; added: { grants: number; invoices: number; organizations: number } }
  | { ok: false; reason: string };

/** Validate a file's text and merge it into `into`. A damaged file is refused whole: nothing half-imported. */
export function importLedger(into: Ledger, text: string): Imported {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not JSON.' };
  }
  if (!looksLikeLedger(raw)) return { ok: false, reason: 'The file is not a Credit Lens data export.' };
  const loaded = loadLedger(raw);
  if (!loaded.ok) return { ok: false, reason: `${loaded.reason} Nothing was imported.` };
  const before = ledgerCounts(into);
  const ledger = joinLedgers(into, loaded.ledger);
  const after = ledgerCounts(ledger);
  return {
    ok: true,
    ledger,
    added: { grants: after.grants - before.grants, invoices: after.invoices - before.invoices, organizations: after.organizations - before.organizations },
  };
}
