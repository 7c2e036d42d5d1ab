import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoGrants, demoInvoices } from '../../demo/rows';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { savedPage } from '../../demo/site';
import { kindOfSavedPage, readPage, PAGE_KINDS, pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { pageOutline } from '../../lib/dashboard/outline';
import { happyDocument, linkedDocument } from '../support/read-dom';

const SEEN = '2026-11-27T10:00:00';
const fixture = (name: string) => readFileSync(resolve('tests/fixtures', name), 'utf8');

function readBoth(html: string, kind: PageKind) {
  const a = readPage(happyDocument(html), kind, pageUrl(kind), SEEN);
  const b = readPage(linkedDocument(html), kind, pageUrl(kind), SEEN);
  expect(b).toEqual(a);
  return a;
}

describe('the demo pages, in every markup and both locales', () => {
  const variants = (['table', 'aria', 'div'] as const).flatMap((markup) =>
    (['en-US', 'en-GB'] as const).map((locale) => ({ markup, locale })),
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
