// Which organization a read joins: every clue of the page against what the ledger knows, and a
// holding area for what cannot be told. Cases of issue 12, item 1 (and the CLI's per-file rule).
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../demo/pages';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { auditFiles } from '../../lib/audit/audit-files';
import { buildReport } from '../../lib/analysis/report';
import { DEFAULT_SETTINGS } from '../../lib/analysis/settings';
import { readOrganizationClues } from '../../lib/dashboard/organization';
import { readPage } from '../../lib/dashboard/pages';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import { joinLedgers, mergeSnapshot, mergeSnapshotPlaced } from '../../lib/ledger/merge';
import { emptyLedger, hasOrg, type Ledger } from '../../lib/ledger/schema';
import { exportLedger, importLedger } from '../../lib/ledger/transfer';
import { ACME_ACCOUNT, unnamedPage, visibleSwitcherPage } from '../support/accounts';
import { linkedDocument } from '../support/read-dom';

const TODAY = '2026-11-27';
const read = (html: string, kind: PageKind, seenAt = `${TODAY}T10:00:00`): Snapshot => readPage(linkedDocument(html), kind, pageUrl(kind), seenAt);
const fold = (snaps: Snapshot[], start: Ledger = emptyLedger()) => snaps.reduce(mergeSnapshot, start);
const critical = (ledger: Ledger, key: string) =>
  buildReport(ledger.organizations[key]!, { today: TODAY }).alerts.filter((a) => a.severity === 'critical').length;
const ALL: PageKind[] = ['credit-grants', 'billing-history', 'overview'];

describe('reading the organization', () => {
  it('reads a switcher that no label names, by its visible text', () => {
    const doc = linkedDocument(visibleSwitcherPage('credit-grants', ACME_ACCOUNT));
    expect(readOrganizationClues(doc)).toMatchObject({ name: 'Acme Research', id: null, conflict: null });
  });

  it('reads an organization id from the URL and the switcher, and calls two names a conflict', () => {
    const withId = '<header><button aria-haspopup="menu" data-org-id="org-AbCdEf1234567890">Acme</button></header>';
    expect(readOrganizationClues(linkedDocument(withId), 'https://platform.openai.com/usage?org=org-AbCdEf1234567890')).toMatchObject({ name: 'Acme', id: 'org-AbCdEf1234567890', conflict: null });
    expect(readOrganizationClues(linkedDocument(withId), 'https://platform.openai.com/usage?org=org-Other0000000000').conflict).toMatch(/two organization ids/);
    const two = '<header><button aria-label="Organization: Acme">Acme</button></header><nav><div aria-label="Current organization: Personal"></div></nav>';
    expect(readOrganizationClues(linkedDocument(two))).toMatchObject({ name: null, conflict: expect.stringMatching(/two organizations/) });
  });

  it('does not take the project menu for the organization', () => {
    const html = '<header><button aria-haspopup="menu" aria-label="Project menu">Default project</button><button aria-haspopup="menu">Acme</button></header>';
    expect(readOrganizationClues(linkedDocument(html)).name).toBe('Acme');
  });
});

describe('placing reads in organizations', () => {
  it('keeps two organizations apart when their switcher reads only as visible text', () => {
    const snaps = [...ALL.map((k) => read(visibleSwitcherPage(k, SEED_ACCOUNT), k)), ...ALL.map((k) => read(visibleSwitcherPage(k, ACME_ACCOUNT), k, `${TODAY}T11:00:00`))];
    const ledger = fold(snaps);
    expect(Object.keys(ledger.organizations).sort()).toEqual(['Acme Research', 'Personal']);
    expect(ledger.organizations['Acme Research']!.grants).toHaveLength(3);
    // Acme's normal recharges are judged against Acme's own credit only.
    expect(critical(ledger, 'Acme Research')).toBe(0);
    expect(critical(ledger, 'Personal')).toBe(8);
  });

  it('holds a page that names no organization instead of joining the one read before', () => {
    const ledger = fold([read(savedPage('credit-grants', SEED_ACCOUNT), 'credit-grants'), read(unnamedPage('credit-grants', ACME_ACCOUNT), 'credit-grants')]);
    expect(Object.keys(ledger.organizations)).toEqual(['Personal']);
    expect(ledger.organizations.Personal!.grants).toHaveLength(9);
    expect(ledger.held).toHaveLength(1);
    expect(ledger.held[0]!.reason).toBe('This page does not name its organization.');
    expect(ledger.held[0]!.org.grants).toHaveLength(3);
  });

  it("holds two organizations' unnamed pages apart, and a page read again with the first", () => {
    const a = read(unnamedPage('credit-grants', SEED_ACCOUNT), 'credit-grants');
    const b = read(unnamedPage('credit-grants', ACME_ACCOUNT), 'credit-grants', `${TODAY}T11:00:00`);
    const again = { ...a, seenAt: `${TODAY}T12:00:00`, grants: a.grants.map((g) => ({ ...g, remainingCents: Math.max(0, g.remainingCents - 100) })) };
    const ledger = fold([a, b, again]);
    expect(ledger.held.map((h) => h.org.grants.length).sort()).toEqual([3, 9]);
  });

  it('ties an unnamed billing history to the organization its invoice prefix belongs to, in either order', () => {
    const unnamed = read(unnamedPage('billing-history', SEED_ACCOUNT), 'billing-history');
    const named = read(savedPage('credit-grants', SEED_ACCOUNT), 'credit-grants');
    const history = read(savedPage('billing-history', SEED_ACCOUNT), 'billing-history', `${TODAY}T09:00:00`);
    for (const order of [[unnamed, named, history], [named, history, unnamed], [history, unnamed, named]]) {
      const ledger = fold(order);
      expect(ledger.held).toEqual([]);
      expect(ledger.organizations.Personal!.invoices).toHaveLength(8);
      expect(exportLedger(ledger)).toBe(exportLedger(fold([named, history, unnamed])));
    }
  });

  it('starts a new organization, never a merge, when a page names one whose invoices are another customer\'s', () => {
    const personal = fold(ALL.map((k) => read(savedPage(k, SEED_ACCOUNT), k)));
    const before = exportLedger(personal);
    // A second account also called "Personal": its invoice numbers start otherwise.
    const other = { ...ACME_ACCOUNT, organization: 'Personal' };
    const merged = mergeSnapshotPlaced(personal, read(savedPage('billing-history', other), 'billing-history', `${TODAY}T11:00:00`));
    expect(merged.placement).toMatchObject({ kind: 'org', key: 'Personal (2)', created: true });
    expect(merged.ledger.organizations['Personal (2)']!.invoices.map((i) => i.number.slice(0, 8))).toEqual(['0FCE475C', '0FCE475C', '0FCE475C']);
    expect(merged.ledger.organizations['Personal (2)']!.pages['billing-history']!.warnings[0]).toMatch(/kept apart from "Personal": its invoice numbers start 0FCE475C, not 5E1F7A2C/);
    expect(JSON.stringify(merged.ledger.organizations.Personal)).toBe(JSON.stringify(personal.organizations.Personal));
    expect(exportLedger(personal)).toBe(before);
  });

  it("starts a new organization when the switcher names another one but the invoices are the first one's (a switch caught half-way)", () => {
    const personal = fold(ALL.map((k) => read(savedPage(k, SEED_ACCOUNT), k)));
    // The top bar already says Acme Research; the table still shows Personal's invoices.
    const halfway = read(savedPage('billing-history', SEED_ACCOUNT).replace(/Organization: Personal">Personal/, 'Organization: Acme Research">Acme Research'), 'billing-history', `${TODAY}T11:00:00`);
    expect(halfway.organization).toBe('Acme Research');
    const merged = mergeSnapshotPlaced(personal, halfway);
    expect(merged.placement).toMatchObject({ kind: 'org', key: 'Acme Research', created: true });
    expect(JSON.stringify(merged.ledger.organizations.Personal)).toBe(JSON.stringify(personal.organizations.Personal));
    // The real Acme Research, read next, is kept apart from the mistaken one (its prefix differs).
    const acme = mergeSnapshotPlaced(merged.ledger, read(savedPage('billing-history', ACME_ACCOUNT), 'billing-history', `${TODAY}T11:05:00`));
    expect(acme.placement).toMatchObject({ kind: 'org', key: 'Acme Research (2)', created: true });
  });

  it('starts a new organization when an invoice number shows another amount than the one recorded', () => {
    const personal = fold([read(savedPage('billing-history', SEED_ACCOUNT), 'billing-history')]);
    const changed = read(savedPage('billing-history', SEED_ACCOUNT).replace('$10.89', '$99.00'), 'billing-history', `${TODAY}T11:00:00`);
    expect(mergeSnapshotPlaced(personal, changed).placement).toMatchObject({ kind: 'org', key: 'Personal (2)' });
  });

  it('starts a new organization when a whole grants table lacks grants seen before, or holds more credit', () => {
    const personal = fold([read(savedPage('credit-grants', SEED_ACCOUNT), 'credit-grants')]);
    const whole = (s: Snapshot): Snapshot => ({ ...s, tablePosition: { firstRow: 1, page: null, pages: null, totalRows: s.grants.length } });
    const later = read(savedPage('credit-grants', SEED_ACCOUNT), 'credit-grants', `${TODAY}T12:00:00`);
    expect(mergeSnapshotPlaced(personal, whole(later)).placement).toMatchObject({ kind: 'org', key: 'Personal' });
    const fewer = whole({ ...later, grants: later.grants.slice(1) });
    expect(mergeSnapshotPlaced(personal, fewer).placement).toMatchObject({ kind: 'org', key: 'Personal (2)' });
    const fuller = whole({ ...later, grants: later.grants.map((g) => ({ ...g, remainingCents: g.amountCents })) });
    expect(mergeSnapshotPlaced(personal, fuller).placement).toMatchObject({ kind: 'org', key: 'Personal (2)', note: expect.stringMatching(/holds more credit than it did/) });
  });

  it('holds a read whose clues disagree', () => {
    const s = read(savedPage('credit-grants', SEED_ACCOUNT), 'credit-grants');
    const merged = mergeSnapshotPlaced(emptyLedger(), { ...s, organization: null, organizationConflict: 'the page names two organizations ("A" and "B")' });
    expect(merged.placement.kind).toBe('held');
    expect(merged.ledger.organizations).toEqual({});
  });

  it('holds a page that could be either of two organizations with one name', () => {
    const personal = fold([read(savedPage('billing-history', SEED_ACCOUNT), 'billing-history')]);
    const second = mergeSnapshot(personal, read(savedPage('billing-history', { ...ACME_ACCOUNT, organization: 'Personal' }), 'billing-history'));
    const grants = mergeSnapshotPlaced(second, read(savedPage('credit-grants', SEED_ACCOUNT), 'credit-grants'));
    expect(grants.placement).toMatchObject({ kind: 'held', candidates: ['Personal', 'Personal (2)'] });
    expect(grants.ledger.held[0]!.reason).toBe('This page names "Personal", and more than one organization has that name.');
  });
});

describe('organizations with names that are also JavaScript words', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])('works for an organization called %s', (name) => {
    const account = { ...SEED_ACCOUNT, organization: name };
    const ledger = fold(ALL.map((k) => read(savedPage(k, account), k)));
    expect(Object.keys(ledger.organizations)).toEqual([name]);
    expect(hasOrg(ledger, name)).toBe(true);
    expect(hasOrg(emptyLedger(), name)).toBe(false);
    expect(ledger.organizations[name]!.grants).toHaveLength(9);
    expect(joinLedgers(ledger, ledger).organizations[name]!.grants).toHaveLength(9);
    // Exported and imported, into an empty ledger and into itself: nothing lost or doubled.
    const text = exportLedger(ledger);
    const imported = importLedger(emptyLedger(), text, TODAY);
    expect(imported.ok && exportLedger(imported.ledger)).toBe(text);
    const again = importLedger(ledger, text, TODAY);
    expect(again.ok && again.preview.added).toEqual({ grants: 0, invoices: 0, organizations: 0, held: 0 });
    expect(Object.getPrototypeOf(JSON.parse(text).organizations)).toBe(Object.prototype);
  });
});

describe('imports are placed like pages', () => {
  it("holds an unnamed export instead of merging it, and keeps someone else's Personal apart", () => {
    const mine = fold(ALL.map((k) => read(savedPage(k, SEED_ACCOUNT), k)));
    const unnamed = fold(ALL.map((k) => read(unnamedPage(k, ACME_ACCOUNT), k)));
    const r = importLedger(mine, exportLedger(unnamed), TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.ledger.organizations)).toEqual(['Personal']);
    expect(r.ledger.organizations.Personal!.grants).toHaveLength(9);
    expect(r.preview.added).toMatchObject({ grants: 0, invoices: 0, held: 3 });
    const theirs = fold(ALL.map((k) => read(savedPage(k, { ...ACME_ACCOUNT, organization: 'Personal' }), k)));
    const r2 = importLedger(mine, exportLedger(theirs), TODAY);
    expect(r2.ok && Object.keys(r2.ledger.organizations).sort()).toEqual(['Personal', 'Personal (2)']);
    expect(r2.ok && r2.preview.organizations[0]).toMatchObject({ key: 'Personal (2)', isNew: true, note: expect.stringMatching(/kept apart/) });
  });
});

describe('the CLI, per file', () => {
  const parse = (html: string) => linkedDocument(html);
  const file = (name: string, text: string) => ({ name, text, savedAt: `${TODAY}T10:00:00` });

  it('leaves out a page that names no organization, and says which file and why', () => {
    const files = [file('grants.html', savedPage('credit-grants', SEED_ACCOUNT)), file('history.html', savedPage('billing-history', SEED_ACCOUNT)), file('other.html', unnamedPage('credit-grants', ACME_ACCOUNT))];
    const r = auditFiles(files, parse, DEFAULT_SETTINGS, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.organization).toBe('Personal');
    expect(r.report.grants).toHaveLength(9);
    expect(r.report.warnings).toContain('other.html: This page does not name its organization. It was left out of this report.');
  });

  it('still reads files that all name no organization as one', () => {
    const files = ALL.map((k) => file(`${k}.html`, unnamedPage(k, SEED_ACCOUNT)));
    const r = auditFiles(files, parse, DEFAULT_SETTINGS, TODAY);
    expect(r.ok && r.report.organization).toBe(null);
    expect(r.ok && r.report.grants).toHaveLength(9);
  });

  it('audits an organization called constructor (or __proto__) like any other', () => {
    for (const name of ['constructor', '__proto__']) {
      const account = { ...SEED_ACCOUNT, organization: name };
      const r = auditFiles(ALL.map((k) => file(`${k}.html`, savedPage(k, account))), parse, DEFAULT_SETTINGS, TODAY);
      expect(r.ok && r.report.organization).toBe(name);
      expect(r.ok && r.report.grants).toHaveLength(9);
    }
  });

  it('adds up the saved pages of a paged grants table (20 + 5 identical rows)', () => {
    const page = (rows: number, n: number) =>
      `<!-- saved from url=(0070)https://platform.openai.com/settings/organization/billing/credit-grants -->\n<html><body><header><button aria-label="Organization: Personal">Personal</button></header><main>${renderTable(
        'table',
        'Credit grants',
        ['Received', 'State', 'Balance', 'Expires'],
        Array.from({ length: rows }, () => ['Oct 31, 2026', 'Available', '$10.00 / $10.00', 'Nov 30, 2027']),
      )}<nav><span>Page ${n} of 2</span></nav></main></body></html>`;
    const r = auditFiles([file('grants-2.html', page(5, 2)), file('grants-1.html', page(20, 1))], parse, DEFAULT_SETTINGS, TODAY);
    expect(r.ok && r.report.grants).toHaveLength(25);
    expect(r.ok && r.report.totals.creditsAvailableCents).toBe(25_000);
  });

  it('ties an unnamed billing history to the named pages by its invoice prefix', () => {
    // Two saved pages of the billing history, one saved without the top bar.
    const firstFive = { ...SEED_ACCOUNT, purchases: SEED_ACCOUNT.purchases.slice(0, 5) };
    const files = [file('history-2.html', unnamedPage('billing-history', SEED_ACCOUNT)), file('grants.html', savedPage('credit-grants', SEED_ACCOUNT)), file('history-1.html', savedPage('billing-history', firstFive))];
    const r = auditFiles(files, parse, DEFAULT_SETTINGS, TODAY);
    expect(r.ok && r.report.invoices).toHaveLength(8);
    expect(r.ok && r.report.warnings.filter((w) => /left out/.test(w))).toEqual([]);
  });
});
