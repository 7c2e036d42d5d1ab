import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAccount } from '../../demo/generate';
import { renderTable } from '../../demo/pages';
import { demoGrants, demoInvoices } from '../../demo/rows';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { kindOfSavedPage, readPage, PAGE_KINDS, pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { pageOutline } from '../../lib/dashboard/outline';
import { mergeSnapshot } from '../../lib/ledger/merge';
import { emptyLedger } from '../../lib/ledger/schema';
import { happyDocument, linkedDocument } from '../support/read-dom';

const SEEN = '2026-11-27T10:00:00';
const fixture = (name: string) => readFileSync(resolve('tests/fixtures', name), 'utf8');

function readBoth(html: string, kind: PageKind) {
  const a = readPage(happyDocument(html), kind, pageUrl(kind), SEEN);
  const b = readPage(linkedDocument(html), kind, pageUrl(kind), SEEN);
  expect(b).toEqual(a);
  return a;
}

describe('the demo pages, in every markup and many locales', () => {
  const variants = (['table', 'aria', 'div'] as const).flatMap((markup) =>
    ['en-US', 'en-GB', 'de-DE', 'vi-VN', 'ja-JP', 'fr-FR', 'th-TH', 'ko-KR'].map((locale) => ({ markup, locale })),
  );
  it.each(variants)('reads every row ($markup, $locale)', ({ markup, locale }) => {
    const opts = { grantsMarkup: markup, invoicesMarkup: markup, locale };
    const grants = readBoth(savedPage('credit-grants', SEED_ACCOUNT, opts), 'credit-grants');
    expect(grants.warnings).toEqual([]);
    expect(grants.organization).toBe('Personal');
    expect(grants.grants.map((g) => [g.displayedDate, g.remainingCents, g.amountCents, g.expiresOn])).toEqual(
      demoGrants(SEED_ACCOUNT).map((g) => [g.displayedDate, g.remainingCents, g.amountCents, g.expiresOn]),
    );
    expect(grants.grants.filter((g) => g.state === 'expired')).toHaveLength(1);

    const history = readBoth(savedPage('billing-history', SEED_ACCOUNT, opts), 'billing-history');
    expect(history.warnings).toEqual([]);
    expect(history.invoices.map((i) => [i.number, i.status, i.totalCents, i.createdAt])).toEqual(
      demoInvoices(SEED_ACCOUNT).map((i) => [i.number, 'paid', i.totalCents, i.createdAt]),
    );
    expect(history.invoices[0]!.url).toMatch(/^https:\/\/invoice\.stripe\.com\//);

    const overview = readBoth(savedPage('overview', SEED_ACCOUNT, opts), 'overview');
    expect(overview.overview).toEqual({ balanceCents: 7620, autoRecharge: { enabled: true, thresholdCents: 500, targetCents: 1500 } });

    const usage = readBoth(savedPage('usage', SEED_ACCOUNT, opts), 'usage');
    expect(usage.usage).toEqual({ totalSpendCents: 0, from: '2026-11-01', to: '2026-11-30' });
  });

  it('reads in the browser language first, and says which locale it read in', () => {
    const html = savedPage('billing-history', SEED_ACCOUNT, { locale: 'vi-VN' });
    const s = readPage(linkedDocument(html), 'billing-history', pageUrl('billing-history'), SEEN, { locales: ['vi', 'en-US'] });
    expect(s.locale).toBe('vi');
    expect(s.invoices).toHaveLength(demoInvoices(SEED_ACCOUNT).length);
    // A browser whose languages cannot read the page's dates: each row is named, none is guessed.
    const wrong = readPage(linkedDocument(html), 'billing-history', pageUrl('billing-history'), SEEN, { locales: ['de-DE'], strategy: 'first' });
    expect(wrong.invoices).toEqual([]);
    expect(wrong.warnings.filter((w) => /^Billing history row \d+ \(5E1F7A2C-\d{4} .* was not recorded: ".*thg \d+, 2026" is not a date and time as de-DE shows them\.$/.test(w))).toHaveLength(8);
  });

  it('merges the billing history read page by page ("Next invoices page")', () => {
    const account = generateAccount(30, 3, { promoRate: 0, refundRate: 0 });
    const page = (n: number) => readPage(linkedDocument(savedPage('billing-history', account, { paging: 'pages', pageSize: 12, invoicePage: n })), 'billing-history', pageUrl('billing-history'), SEEN);
    const pages = [1, 2, 3].map(page);
    expect(pages.map((p) => p.invoices.length)).toEqual([12, 12, 6]);
    const ledger = pages.reduce(mergeSnapshot, emptyLedger());
    expect(ledger.organizations[account.organization]!.invoices.map((i) => i.number).sort()).toEqual(demoInvoices(account).map((i) => i.number).sort());
  });

  it.each(PAGE_KINDS)('knows a saved %s page by its saved-from comment and by its content', (kind) => {
    const html = savedPage(kind, SEED_ACCOUNT);
    expect(kindOfSavedPage(html, linkedDocument(html)).kind).toBe(kind);
    const stripped = html.replace(/<!-- saved from[^>]*-->/, '');
    expect(kindOfSavedPage(stripped, linkedDocument(stripped)).kind).toBe(kind);
  });
});

describe('hostile and unusual pages', () => {
  it('reads the good rows of a hostile grants grid and names every bad one', () => {
    const s = readBoth(fixture('hostile-grants.html'), 'credit-grants');
    expect(s.grants.map((g) => [g.displayedDate, g.remainingCents, g.amountCents, g.state])).toEqual([
      ['2025-11-30', 750, 1000, 'available'],
      ['2025-11-30', 1000, 1000, 'available'],
      ['2025-07-31', 200, 500, 'other'],
    ]);
    // A state it does not know keeps its raw words.
    expect(s.grants[2]!.stateText).toBe('LONGSTATE');
    const notRecorded = s.warnings.filter((w) => w.includes('was not recorded'));
    expect(notRecorded).toHaveLength(4);
    expect(notRecorded[0]).toMatch(/row 3 .*bidi overrides/);
    expect(notRecorded[1]).toMatch(/row 4 .*"yesterday" is not a date/);
    expect(notRecorded[2]).toMatch(/row 5 .*"N\/A"/);
    expect(notRecorded[3]).toMatch(/row 6 .*more than the grant/);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('caps a 10 KB cell and strips control characters', () => {
    const huge = 'A'.repeat(10_000);
    const html = fixture('hostile-grants.html').replace('LONGSTATE', `${huge}\u0000\u0007`);
    const s = readBoth(html, 'credit-grants');
    const long = s.grants.find((g) => g.displayedDate === '2025-07-31')!;
    expect(long.stateText.length).toBeLessThanOrEqual(500);
    // eslint-disable-next-line no-control-regex
    expect(long.stateText).not.toMatch(/[\u0000-\u001f]/);
  });

  it('reads a truncated page up to the cut and names the cut row', () => {
    const s = readBoth(fixture('truncated-history.html'), 'billing-history');
    expect(s.organization).toBe('Acme Research');
    expect(s.invoices.map((i) => [i.number, i.status, i.statusText, i.totalCents, i.createdAt])).toEqual([
      ['0FCE475C-0004', 'paid', 'Paid', 575, '2025-06-30T14:35'],
      ['0FCE475C-0003', 'refunded', 'Refunded', 575, '2025-06-02T09:05'],
      ['0FCE475C-0002', 'failed', 'Uncollectible', 1150, '2025-05-01T23:59'],
    ]);
    expect(s.warnings.join('\n')).toMatch(/row 4 \(0FCE475C-0001.*was not recorded/);
  });

  it('says what it saw when no table fits, and records nothing', () => {
    const s = readBoth(fixture('unknown-layout.html'), 'credit-grants');
    expect(s.understood).toBe(false);
    expect(s.grants).toEqual([]);
    expect(s.warnings[0]).toMatch(/no table has the columns .*tables seen: \[Foo \| Bar\]/);
  });

  it('outlines a page for a bug report without amounts, numbers or names', () => {
    const outline = pageOutline(happyDocument(fixture('truncated-history.html')));
    expect(outline).toContain('th "invoice"');
    expect(outline).not.toMatch(/\d/);
    expect(outline).not.toMatch(/Acme|Paid|\$/);
  });
});

/** A saved page of one kind around some HTML. */
const saved = (kind: PageKind, body: string) => `<!-- saved from url=(0000)${pageUrl(kind)} -->\n<html><body>${body}</body></html>`;
const history = (headers: string[], rows: string[][]) => saved('billing-history', renderTable('table', 'Invoices', headers, rows));
const grantsPage = (headers: string[], rows: string[][]) => saved('credit-grants', renderTable('table', 'Credit grants', headers, rows));
const INVOICE = ['Invoice', 'Status', 'Amount', 'Created'];

describe('what the page shows, not what its DOM hides', () => {
  it.each([
    ['$1<span hidden>0</span>0.00', 1000],
    ['$1<span aria-hidden="true">0</span>0.00', 1000],
    ['$1<span style="display: none">0</span>0.00', 1000],
    ['$1<span style="visibility:hidden">0</span>0.00', 1000],
    ['$10.00<span class="sr-only"> (ten dollars)</span>', 1000],
    ['$10.00<span class="visually-hidden">1</span>', 1000],
    ['<svg aria-hidden="true"><title>card</title></svg>$10.00', 1000],
  ])('%s reads as %i cents', (amount, cents) => {
    const s = readBoth(history(INVOICE, [['AB12CD34-0001', 'Paid', amount, 'Nov 3, 2026, 1:02 PM']]), 'billing-history');
    expect(s.warnings).toEqual([]);
    expect(s.invoices.map((i) => i.totalCents)).toEqual([cents]);
  });

  it.each([
    '$1<span style="opacity:0">0</span>0.00',
    '$1<span style="font-size:0">0</span>0.00',
    '$1<span style="position:absolute;left:-9999px">0</span>0.00',
    '$1<span class="md:hidden">0</span>0.00',
    '$1<span class="hidden md:inline">0</span>0.00',
  ])('refuses %s: what it shows cannot be told', (amount) => {
    const s = readBoth(history(INVOICE, [['AB12CD34-0001', 'Paid', amount, 'Nov 3, 2026, 1:02 PM']]), 'billing-history');
    expect(s.invoices).toEqual([]);
    expect(s.warnings).toEqual([expect.stringMatching(/^Billing history row 1 \(AB12CD34-0001 .* was not recorded: the Amount cell holds text that its (style|class) ".+" may hide or show/)]);
  });

  const ROWS = [
    ['AB12CD34-0002', 'Paid', '$10.89', 'Nov 3, 2026, 2:03 PM'],
    ['AB12CD34-0001', 'Paid', '$10.89', 'Nov 3, 2026, 1:02 PM'],
  ];
  it.each(['hidden', 'aria-hidden="true"', 'style="display:none"', 'class="hidden"'])('does not count a row hidden by %s, and says so', (attr) => {
    const html = history(INVOICE, ROWS).replace('<tr><td>AB12CD34-0001', `<tr ${attr}><td>AB12CD34-0001`);
    const s = readBoth(html, 'billing-history');
    expect(s.invoices.map((i) => i.number)).toEqual(['AB12CD34-0002']);
    expect(s.warnings).toEqual(['Billing history: 1 row is hidden by the page\'s markup (not shown) and was not read.']);
  });

  it('refuses a row hidden or shown by screen width (class "hidden md:table-row")', () => {
    const html = history(INVOICE, ROWS).replace('<tr><td>AB12CD34-0001', '<tr class="hidden md:table-row"><td>AB12CD34-0001');
    const s = readBoth(html, 'billing-history');
    expect(s.invoices.map((i) => i.number)).toEqual(['AB12CD34-0002']);
    expect(s.warnings).toEqual([expect.stringMatching(/row 2 \(AB12CD34-0001 .* was not recorded: the row itself may be hidden or shown by its class "md:table-row"/)]);
  });

  it('refuses a row whose own style may hide it', () => {
    const html = history(INVOICE, ROWS).replace('<tr><td>AB12CD34-0001', '<tr style="opacity:0"><td>AB12CD34-0001');
    const s = readBoth(html, 'billing-history');
    expect(s.invoices.map((i) => i.number)).toEqual(['AB12CD34-0002']);
    expect(s.warnings).toEqual([expect.stringMatching(/row 2 \(AB12CD34-0001 .* was not recorded: the row itself may be hidden or shown by its style "opacity:0"/)]);
  });

  it.each(['<div hidden>', '<div style="display: none">', '<div class="d-none">'])('reads the table shown, not a hidden copy before it (%s)', (wrapper) => {
    const copy = renderTable('table', 'Invoices', INVOICE, [['AB12CD34-0002', 'Paid', '$99.99', 'Nov 3, 2026, 2:03 PM']]);
    const html = saved('billing-history', `${wrapper}${copy}</div>${renderTable('table', 'Invoices', INVOICE, ROWS)}`);
    const s = readBoth(html, 'billing-history');
    expect(s.invoices.map((i) => i.totalCents)).toEqual([1089, 1089]);
    expect(s.warnings).toEqual([]);
  });

  it('reads nothing when the only table is hidden', () => {
    const s = readBoth(saved('billing-history', `<section hidden>${renderTable('table', 'Invoices', INVOICE, ROWS)}</section>`), 'billing-history');
    expect(s.invoices).toEqual([]);
    expect(s.understood).toBe(false);
  });

  it.each([
    ['<span aria-label="Paid"><svg></svg></span>', 'paid'],
    ['<span title="Refunded">↩</span>', 'refunded'],
    ['<svg role="img"><title>Paid</title><path d=""/></svg>', 'paid'],
    ['<img src="x.png" alt="Void">', 'void'],
    ['<svg></svg><span class="sr-only">Open</span>', 'open'],
  ])('reads a status shown as an icon: %s', (status, expected) => {
    const s = readBoth(history(INVOICE, [['AB12CD34-0001', status, '$10.00', 'Nov 3, 2026, 1:02 PM']]), 'billing-history');
    expect(s.warnings).toEqual([]);
    expect(s.invoices[0]!.status).toBe(expected);
  });

  it('says when a status or state cannot be read, instead of silently recording "other"', () => {
    const h = readBoth(history(INVOICE, [['AB12CD34-0001', '<svg></svg>', '$10.00', 'Nov 3, 2026, 1:02 PM'], ['AB12CD34-0002', 'Settled', '$10.00', 'Nov 3, 2026, 2:02 PM']]), 'billing-history');
    expect(h.invoices.map((i) => i.status)).toEqual(['other', 'other']);
    expect(h.warnings).toEqual([
      'Billing history row 1 (AB12CD34-0001 | $10.00 | Nov 3, 2026, 1:02 PM): no status is shown; recorded as "other".',
      'Billing history row 2 (AB12CD34-0002 | Settled | $10.00 | Nov 3, 2026, 2:02 PM): the status "Settled" is not one Credit Lens knows; recorded as "other".',
    ]);
    const g = readBoth(grantsPage(['Received', 'State', 'Balance'], [['Oct 31, 2026', '<i aria-hidden="true">●</i>', '$5.00 / $5.00']]), 'credit-grants');
    expect(g.grants.map((x) => x.state)).toEqual(['other']);
    expect(g.warnings).toContain('Credit grants row 1 (Oct 31, 2026 | $5.00 / $5.00): no state is shown; recorded as "other".');
  });
});

describe('columns as they may come', () => {
  it('takes Total, not a pre-tax Amount, and says when Amount and Tax do not add up', () => {
    const s = readBoth(history(['Invoice', 'Status', 'Amount', 'Tax', 'Total', 'Created'], [
      ['AB12CD34-0002', 'Paid', '$10.00', '$0.89', '$10.89', 'Nov 3, 2026, 1:02 PM'],
      ['AB12CD34-0001', 'Paid', '$10.00', '$0.89', '$11.89', 'Nov 2, 2026, 1:02 PM'],
    ]), 'billing-history');
    expect(s.invoices.map((i) => i.totalCents)).toEqual([1089, 1189]);
    expect(s.warnings).toEqual(['Billing history row 2 (AB12CD34-0001 | Paid | $10.00 | $0.89 | $11.89 | Nov 2, 2026, 1:02 PM): Amount "$10.00" and Tax "$0.89" do not add up to the Total $11.89; the Total is recorded.']);
  });

  it('warns when a Tax column stands beside Amount and no Total is shown', () => {
    const s = readBoth(history(['Invoice', 'Status', 'Amount', 'Tax', 'Created'], [['AB12CD34-0001', 'Paid', '$10.00', '$0.89', 'Nov 3, 2026, 1:02 PM']]), 'billing-history');
    expect(s.invoices.map((i) => i.totalCents)).toEqual([1000]);
    expect(s.warnings).toEqual(['Billing history: a Tax column is shown beside Amount but no Total: each Amount is taken as the invoice total, which may leave out the tax.']);
  });

  it('finds the View link by its words and allowed host, not the first https link', () => {
    const s = readBoth(history([...INVOICE, ''], [
      ['AB12CD34-0002', 'Paid', '$10.00', 'Nov 3, 2026, 1:02 PM', '<a href="https://example.com/x">Help</a> <a href="https://invoice.stripe.com/i/a/2">View</a>'],
      ['AB12CD34-0001', 'Paid', '$10.00', 'Nov 2, 2026, 1:02 PM', '<a href="https://evil.example/i/a/1">View</a>'],
    ]), 'billing-history');
    expect(s.invoices.map((i) => i.url)).toEqual(['https://invoice.stripe.com/i/a/2', null]);
  });

  it('prefers an exact header: "Invoice date" is the date when "Invoice" is the number', () => {
    const s = readBoth(history(['Invoice date', 'Invoice', 'Status', 'Amount'], [['Nov 3, 2026, 1:02 PM', 'AB12CD34-0001', 'Paid', '$10.00']]), 'billing-history');
    expect(s.invoices.map((i) => [i.number, i.createdAt])).toEqual([['AB12CD34-0001', '2026-11-03T13:02']]);
  });

  it('reads empty states as zero rows of an understood page', () => {
    for (const [file, kind] of [['empty/credit-grants.html', 'credit-grants'], ['empty/billing-history.html', 'billing-history']] as const) {
      const html = fixture(file);
      expect(kindOfSavedPage(html, linkedDocument(html)).kind).toBe(kind);
      const s = readBoth(html, kind);
      expect(s).toMatchObject({ understood: true, grants: [], invoices: [], warnings: [] });
    }
    const row = readBoth(history(INVOICE, [['<td colspan="4">No invoices found.</td>']]).replace('<td><td colspan="4">', '<td colspan="4">'), 'billing-history');
    expect(row).toMatchObject({ understood: true, invoices: [], warnings: [] });
  });

  it('reads Total Spend, never a budget card beside it', () => {
    const page = (cards: string) => saved('usage', `<div class="range">Nov 1, 2026 – Nov 30, 2026</div>${cards}`);
    const withValue = readBoth(page('<div><div>Total Spend</div><div>$3.00</div></div><div><div>Monthly budget</div><div>$120.00</div></div>'), 'usage');
    expect(withValue.usage).toEqual({ totalSpendCents: 300, from: '2026-11-01', to: '2026-11-30' });
    const without = readBoth(page('<div><div>Total Spend</div><div>—</div></div><div><div>Monthly budget</div><div>$120.00</div></div>'), 'usage');
    expect(without.usage).toBeNull();
    expect(without.warnings[0]).toMatch(/no total spend was found/);
  });

  it('reads "auto-reload" wordings and a negative balance', () => {
    const s = readBoth(saved('overview', '<div>API credit balance</div><div>-$0.07</div><div>Auto-reload</div><div>OFF</div>'), 'overview');
    expect(s.overview).toEqual({ balanceCents: -7, autoRecharge: { enabled: false, thresholdCents: null, targetCents: null } });
    const dialog = readBoth(saved('overview', '<div>Credit balance</div><div>$12.00</div><p>When credit balance goes below</p><p>$10.00</p><p>Bring credit balance back up to</p><p>$25.00</p>'), 'overview');
    expect(dialog.overview?.autoRecharge).toEqual({ enabled: true, thresholdCents: 1000, targetCents: 2500 });
  });
});

describe('every fixture in both DOMs', () => {
  const files = (dir: string): string[] =>
    readdirSync(resolve('tests/fixtures', dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : e.name.endsWith('.html') ? [`${dir}/${e.name}`] : []));
  it.each([...files('locales'), ...files('empty'), ...files('words')])('%s reads the same in happy-dom and linkedom', (file) => {
    const html = fixture(file);
    const { kind } = kindOfSavedPage(html, linkedDocument(html));
    expect(kind).not.toBeNull();
    expect(readBoth(html, kind!).understood).toBe(true);
  });
});
