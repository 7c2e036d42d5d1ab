// Imports are evidence too (issue 12, item 3): what no page could have shown is refused whole.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { loadLedger } from '../../lib/ledger/load';
import { emptyLedger } from '../../lib/ledger/schema';
import { IMPORT_LIMIT_BYTES, exportLedger, importLedger, readExport, runChunked, runSync } from '../../lib/ledger/transfer';
import { generateAccount } from '../../demo/generate';
import { ledgerOf } from '../support/pipeline';

const TODAY = '2026-11-27';
const golden = readFileSync(resolve('tests/fixtures/ledger-v3.json'), 'utf8');
type StoredGrant = [string, number, string, string | null, number | null, number, string, string, number, [number, number, number][], number, number];
const edit = (change: (org: { grants: StoredGrant[]; invoices: unknown[][]; times: string[] }, all: Record<string, unknown>) => void): string => {
  const raw = JSON.parse(golden);
  change(raw.organizations.Personal, raw);
  return JSON.stringify(raw);
};
const refused = (text: string) => {
  const r = importLedger(emptyLedger(), text, TODAY);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.reason;
};

describe('an import is checked for what pages could show', () => {
  it('accepts the golden export as it is', () => {
    expect(importLedger(emptyLedger(), golden, TODAY).ok).toBe(true);
  });

  it('refuses a grant row that appears twice (credit $40 against $20 paid)', () => {
    const text = edit((org) => {
      org.grants.push(org.grants[7]!, org.grants[7]!);
    });
    expect(refused(text)).toMatch(/^The file holds what no billing page showed: organization "Personal", grant 2026-05-31 \$10\.00 #1 appears twice/);
  });

  it('refuses more grants of a day and amount than any page showed', () => {
    // An eighth $10.00 grant of Oct 31, seen at a time no page showed eight.
    const text = edit((org) => {
      const g = [...org.grants[6]!] as StoredGrant;
      g[5] = 7;
      org.times.push('2026-11-26T10:00:00');
      g[9] = [[1000, org.times.length - 1, org.times.length - 1]];
      org.grants.push(g);
    });
    expect(refused(text)).toMatch(/grant 2026-10-31 \$10\.00 #8: no page showed 8 grants of that day and amount at 2026-11-26T10:00:00/);
    // Or a rank with nothing before it.
    const gap = edit((org) => {
      org.grants[6]![5] = 9;
    });
    expect(refused(gap)).toMatch(/#10: no page showed 10 grants of that day and amount/);
  });

  it.each([
    ['a negative remaining', -5_000_000, /a remaining -\$50,000\.00 is not between \$0\.00 and its \$10\.00/],
    ['a remaining above the grant', 1500, /a remaining \$15\.00 is not between/],
  ])('refuses %s', (_name, cents, message) => {
    const text = edit((org) => {
      org.grants[0]![9] = [[cents, 0, 0]];
    });
    expect(refused(text)).toMatch(message);
  });

  it.each([
    ['a grant date out of range', (org: { grants: StoredGrant[] }) => void (org.grants[8]![0] = '1999-01-05'), /its date is out of range/],
    ['an expiry before its grant', (org: { grants: StoredGrant[] }) => void (org.grants[8]![3] = '2025-01-01'), /it expires 2025-01-01, out of range/],
    ['a time in the future', (org: { times: string[] }) => void (org.times[0] = '2030-01-01T10:00:00'), /impossible time|impossible times/],
    ['an invoice created after it was seen', (org: { invoices: unknown[][] }) => void (org.invoices[0]![3] = '2026-12-25T10:00'), /created 2026-12-25T10:00, after it was first seen/],
    ['an invoice that appears twice', (org: { invoices: unknown[][] }) => void org.invoices.push(org.invoices[0]!), /invoice 5E1F7A2C-0008 appears twice/],
  ])('refuses %s', (_name, change, message) => {
    expect(refused(edit(change as never))).toMatch(message);
  });

  it('refuses an organization kept under a key that is not its name', () => {
    const text = edit((_org, all) => {
      const orgs = all.organizations as Record<string, unknown>;
      orgs.Globex = orgs.Personal;
      delete orgs.Personal;
    });
    expect(refused(text)).toMatch(/organization "Globex" is stored under a key that is not its name \("Personal"\)/);
  });

  it('keeps an organization called "__proto__" in a file, instead of dropping it', () => {
    const text = golden.replace('"Personal":{"organization":"Personal"', '"__proto__":{"organization":"__proto__"');
    const r = importLedger(emptyLedger(), text, TODAY);
    expect(r.ok && Object.keys(r.ledger.organizations)).toEqual(['__proto__']);
    expect(loadLedger(JSON.parse(text)).ledger.organizations['__proto__']?.grants).toHaveLength(9);
  });

  it('refuses a file over the size limit with a clear message, before reading it', () => {
    const r = importLedger(emptyLedger(), `${' '.repeat(IMPORT_LIMIT_BYTES)}{}`, TODAY);
    expect(r).toEqual({ ok: false, reason: 'The file is 10.0 MB; Credit Lens imports data exports of up to 10.0 MB, the most the browser keeps for an extension. Nothing was imported.' });
  });
});

describe('a large import is read in chunks', () => {
  it('pauses between chunks and gives the same ledger as reading it at once', async () => {
    const ledger = ledgerOf(generateAccount(12_000, 3, { promoRate: 0, refundRate: 0 }), ['credit-grants', 'billing-history']);
    const text = exportLedger(ledger);
    let pauses = 0;
    const chunked = await runChunked(readExport(text, TODAY), async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThanOrEqual(4);
    const whole = runSync(readExport(text, TODAY));
    expect(chunked.ok && whole.ok && exportLedger(chunked.ledger)).toBe(text);
  });

  it('imports the seed and a generated account side by side', () => {
    const a = exportLedger(ledgerOf(SEED_ACCOUNT));
    const b = exportLedger(ledgerOf(generateAccount(30, 5)));
    const first = importLedger(emptyLedger(), a, TODAY);
    const second = first.ok ? importLedger(first.ledger, b, TODAY) : first;
    expect(second.ok && Object.keys(second.ledger.organizations).sort()).toEqual(['Generated 5', 'Personal']);
  });
});
