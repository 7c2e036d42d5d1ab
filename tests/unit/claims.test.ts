// What the report claims, on pages and reads we did not design for: each case is one a hostile
// review found giving a false critical, a false sentence or a silent wrong figure.
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../lib/audit/format-text';
import { supportRequest } from '../../lib/exports/support-request';
import { PLAIN } from '../../lib/exports/english';
import { explanationText, headline, noAlertsText } from '../../lib/exports/wording';
import { savedPage } from '../../demo/site';
import { buildReport } from '../../lib/analysis/report';
import { DEFAULT_SETTINGS } from '../../lib/analysis/settings';
import { pageUrl, type PageKind } from '../../lib/dashboard/pages';
import { readSavedPages } from '../../lib/dashboard/pages/saved-pages';
import { demoGrants, demoInvoices } from '../../demo/rows';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { linkedDocument } from '../support/read-dom';
import { joinLedgers } from '../../lib/ledger/merge';
import { ACME_ACCOUNT } from '../support/accounts';
import { ledgerOf, reportOf } from '../support/pipeline';
import { criticals, grant, invoice, listed, reportOfSnapshots, snapshot } from '../support/snapshots';

const OVERVIEW = snapshot('overview', '2026-11-20T10:00:00', { overview: { balanceCents: 1300, autoRecharge: { enabled: true, thresholdCents: 500, targetCents: 1500 } } });

describe('expired credit is never counted as unused at a charge', () => {
  // Bought Feb 2025 ($10, $8 left, shown Expired); Oct 2026 $15 (used $10); Nov 2026 $10.
  const history = snapshot('billing-history', '2026-11-20T09:00:00', {
    invoices: listed([invoice('AB12CD34-0003', '2026-11-05T10:00', 1000), invoice('AB12CD34-0002', '2026-10-02T10:00', 1500), invoice('AB12CD34-0001', '2025-02-10T10:00', 1000)]),
  });
  const grantsRead = (expires: boolean) =>
    snapshot('credit-grants', '2026-11-20T09:30:00', {
      grants: listed([
        grant('2026-10-31', 1000, 1000, { expiresOn: expires ? '2027-11-30' : null }),
        grant('2026-09-30', 1500, 500, { expiresOn: expires ? '2027-10-31' : null }),
        grant('2025-01-31', 1000, 800, { state: 'expired', stateText: 'Expired', expiresOn: expires ? '2026-02-28' : null }),
      ]),
    });

  it('with the Expires column: no alert', () => {
    expect(criticals(reportOfSnapshots([history, grantsRead(true), OVERVIEW], '2026-11-27'))).toEqual([]);
  });

  it('without it, a grant shown Expired may have expired before any charge: still no alert', () => {
    const r = reportOfSnapshots([history, grantsRead(false), OVERVIEW], '2026-11-27');
    expect(criticals(r)).toEqual([]);
    expect(r.alerts.filter((a) => a.kind === 'recharge-above-threshold')).toEqual([]);
  });
});

describe('words', () => {
  it('writes a tax rate as it is: 20%, 10%, 0%, 8.875%', () => {
    const text = (rateBasisPoints: number) =>
      explanationText({ code: 'amounts-differ', invoice: 'X-1', totalCents: 1200, amountCents: 1000, taxCents: 200, rateBasisPoints } as Parameters<typeof explanationText>[0], PLAIN);
    expect(text(2000)).toContain('(20%)');
    expect(text(1000)).toContain('(10%)');
    expect(text(0)).toContain('(0%)');
    expect(text(887.5)).toContain('(8.875%)');
    expect(text(890)).toContain('(8.9%)');
  });
});

describe('outputs a person pastes or reads', () => {
  const report = () => {
    const history = snapshot('billing-history', '2026-11-20T09:00:00', { invoices: listed([invoice('AB12CD34-0001', '2026-11-05T10:00', 1000)]) });
    return reportOfSnapshots([history], '2026-11-27');
  };

  it('keeps a stored organization name on one line, without controls, in the support request and the text report', () => {
    const forged = { ...report(), organization: 'Personal"\n\nThese charges were made…\n- Invoice X-0099: $500.00\u001b[2J' };
    for (const text of [supportRequest(forged), formatReport(forged)]) {
      expect(text).not.toContain('\n- Invoice X-0099');
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    }
  });

  it('says a saved page shows rows up to a time, never that it was read then', () => {
    const r = report();
    const saved = { ...r, sources: r.sources.map((s) => ({ ...s, file: 'history.html' })) };
    expect(supportRequest(saved)).toContain('the billing history (saved page history.html, which shows rows up to Nov 20, 2026 09:00)');
    expect(supportRequest(saved)).not.toMatch(/\(read /);
    expect(supportRequest(r)).toContain('the billing history (read Nov 20, 2026 09:00)');
  });
});

describe('a billing history read in part', () => {
  // A healthy account whose history the site shows two invoices a page: 7 invoices, 4 pages.
  const account = { ...ACME_ACCOUNT, purchases: [...ACME_ACCOUNT.purchases, ...ACME_ACCOUNT.purchases.map((p) => ({ ...p, paidAt: p.paidAt.replace('2026-', '2025-12-').slice(0, 7) + p.paidAt.slice(7) }))] };
  const pagesOf = (invoicePages: number[]) => {
    const history = (invoicePage: number) => (html: string, kind: PageKind) => (kind === 'billing-history' ? savedPage('billing-history', account, { paging: 'pages', pageSize: 2, invoicePage }) : html);
    let ledger = ledgerOf(account, ['credit-grants', 'overview']);
    for (const p of invoicePages) ledger = [ledgerOf(account, ['billing-history'], {}, `${account.today}T1${p}:00:00`, history(p))].reduce((a, b) => joinLedgers(a, b), ledger);
    return buildReport(ledger.organizations[account.organization]!, { today: account.today });
  };

  it('says only part was read, is never green, and the support request says which part its figures come from', () => {
    const r = pagesOf([1]);
    expect(r.notes).toContainEqual({ code: 'history-partly-read', pagesRead: [1], pages: 3 });
    expect(headline(r, PLAIN).tone).not.toBe('ok');
    expect(headline(r, PLAIN).text).toBe('Only part of the billing history was read (page 1 of 3): open its other pages to see every payment.');
    expect(noAlertsText(r, PLAIN).tone).not.toBe('ok');
    expect(r.grants.filter((g) => !g.purchase).map((g) => g.unmatched?.code)).toContain('history-partly-read');
    expect(supportRequest(r)).toContain('- Paid, in the part of the billing history read (page 1 of 3; its other pages were not read):');
  });

  it('is whole once every page was read', () => {
    const r = pagesOf([1, 2, 3]);
    expect(r.notes.map((n) => n.code)).not.toContain('history-partly-read');
    expect(r.grants.every((g) => g.purchase !== null)).toBe(true);
  });
});

describe('pages saved in less common locales, without --locale', () => {
  const read = (locale: string) => {
    const pages = (['credit-grants', 'billing-history'] as const).map((kind) => ({ doc: linkedDocument(savedPage(kind, SEED_ACCOUNT, { locale })), kind, url: pageUrl(kind), seenAt: '2026-11-27T10:00:00' }));
    return readSavedPages(pages);
  };

  it('refuses numeric dates that read two ways ("3.11.2026 г." in bg-BG fits en-US and en-GB) on a page alone, saying how to give the locale', () => {
    const html = savedPage('billing-history', SEED_ACCOUNT, { locale: 'bg-BG' });
    const [history] = readSavedPages([{ doc: linkedDocument(html), kind: 'billing-history', url: pageUrl('billing-history'), seenAt: '2026-11-27T10:00:00' }]);
    expect(history!.invoices).toEqual([]);
    expect(history!.warnings[0]).toMatch(/reads as 2026-03-11T19:01 in en-US but 2026-11-03T19:01 in en-GB: .*--locale/);
  });

  it('reads them when another page of the same browser settles the locale (its "31.10.2026 г." reads one way only)', () => {
    const [, history] = read('bg-BG');
    expect(history!.invoices.map((i) => i.createdAt)).toEqual(demoInvoices(SEED_ACCOUNT).map((i) => i.createdAt));
  });

  it.each(['he-IL', 'ar-EG', 'fa-IR', 'bn-BD', 'hr-HR', 'sr-RS', 'ca-ES', 'lv-LV', 'ka-GE', 'hy-AM'])('reads every row of the seed case saved in %s', (locale) => {
    const [grants, history] = read(locale);
    expect(grants!.grants).toHaveLength(demoGrants(SEED_ACCOUNT).length);
    expect(history!.invoices.map((i) => i.createdAt)).toEqual(demoInvoices(SEED_ACCOUNT).map((i) => i.createdAt));
    expect([...grants!.warnings, ...history!.warnings]).toEqual([]);
  });

  it('says how to give the locale when no candidate reads the dates', () => {
    const html = savedPage('billing-history', SEED_ACCOUNT).replace(/Nov 3, 2026, (\d+:\d+) (AM|PM)/g, '3 Novembrë 2026 $1');
    const [history] = readSavedPages([{ doc: linkedDocument(html), kind: 'billing-history', url: pageUrl('billing-history'), seenAt: '2026-11-27T10:00:00' }]);
    expect(history!.warnings.some((w) => w.includes('give it with --locale'))).toBe(true);
  });
});

describe('an account in euros', () => {
  const euros = (html: string) => html.replaceAll('$', '€');
  const r = reportOf(SEED_ACCOUNT, undefined, undefined, euros);

  it('is read, matched and alerted in euros, never in dollars', () => {
    expect(r.currency).toBe('EUR');
    expect(r.totals.paidCents).toBe(8712);
    expect(criticals(r).filter((a) => a.kind === 'recharge-above-threshold')).toHaveLength(7);
    for (const text of [...r.alerts.map((a) => a.message), supportRequest(r), formatReport(r)]) expect(text).not.toContain('$');
    expect(supportRequest(r)).toContain('EUR 10.89');
    expect(r.warnings.filter((w) => /EUR|dollar/.test(w))).toEqual([]);
  });
});

describe('reads in two time zones', () => {
  // Grant A ($20, bought Nov 1) is read full in Berlin at 10:30 (UTC+1), i.e. 09:30 UTC. It was then
  // used up, and auto-recharge fired at 10:05 UTC, correctly. The history is read later in New York
  // (UTC−5), where that recharge shows as 05:05: earlier than "10:30" on the wall clocks alone.
  const grantsBerlin = (offset: number) => snapshot('credit-grants', '2026-11-03T10:30:00', { grants: listed([grant('2026-10-31', 2000, 2000, { expiresOn: '2027-11-30' })]), utcOffsetMinutes: offset });
  const historyNewYork = snapshot('billing-history', '2026-11-05T09:00:00', {
    invoices: listed([invoice('AB12CD34-0002', '2026-11-03T05:05', 1000), invoice('AB12CD34-0001', '2026-11-01T05:00', 2000)]),
    utcOffsetMinutes: -300,
  });
  const overview = { ...OVERVIEW, seenAt: '2026-11-05T09:05:00', utcOffsetMinutes: -300 };

  it('compares their times only as far apart as the zones allow: no false critical', () => {
    const r = reportOfSnapshots([grantsBerlin(60), historyNewYork, overview], '2026-11-27');
    expect(criticals(r)).toEqual([]);
    expect(r.notes).toContainEqual({ code: 'time-zones', marginMinutes: 360 });
  });

  it('read in one zone, the same pages prove the charge was made while $20.00 was unused', () => {
    const r = reportOfSnapshots([grantsBerlin(-300), historyNewYork, overview], '2026-11-27');
    expect(criticals(r).map((a) => [a.invoices, a.boundCents])).toEqual([[['AB12CD34-0002'], 2000]]);
  });
});

describe('the overview balance against the grants', () => {
  // Earlier credit: a $20 grant with $12 left; a recharge of $10 at 09:40. The overview at 10:00
  // shows $13.00; the grants page read a minute later still shows $12 + $10 = $22 held then.
  const history = snapshot('billing-history', '2026-11-20T09:50:00', {
    invoices: listed([invoice('AB12CD34-0002', '2026-11-20T09:40', 1000), invoice('AB12CD34-0001', '2026-11-02T08:00', 2000)]),
  });
  const grants = snapshot('credit-grants', '2026-11-20T10:01:00', {
    grants: listed([grant('2026-10-31', 1000, 1000, { expiresOn: '2027-11-30' }), grant('2026-10-31', 2000, 1200, { expiresOn: '2027-11-30' })]),
  });
  const overview = (balanceCents: number) => snapshot('overview', '2026-11-20T10:00:00', { overview: { balanceCents, autoRecharge: { enabled: true, thresholdCents: 500, targetCents: 1500 } } });

  it('when the overview shows less than the grants say was held, the grants lag: no critical, and a note says why', () => {
    const r = reportOfSnapshots([history, grants, overview(1300)], '2026-11-27');
    expect(criticals(r)).toEqual([]);
    expect(r.notes).toContainEqual({ code: 'balance-below-grants', at: '2026-11-20T10:00:00', balanceCents: 1300, grantsCents: 2200 });
    expect(r.alerts.filter((a) => a.kind === 'recharge-above-threshold').map((a) => a.severity)).toEqual(['warning']);
  });

  it('when they agree, the charge made while $12.00 was unused is critical', () => {
    const r = reportOfSnapshots([history, grants, overview(2200)], '2026-11-27');
    expect(criticals(r).map((a) => a.invoices)).toEqual([['AB12CD34-0002']]);
  });

  it('a negative balance is money owed, not a contradiction', () => {
    const used = snapshot('credit-grants', '2026-11-20T10:01:00', { grants: listed([grant('2026-10-31', 1000, 0, { expiresOn: '2027-11-30' }), grant('2026-10-31', 2000, 0, { expiresOn: '2027-11-30' })]) });
    const r = reportOfSnapshots([history, used, overview(-7)], '2026-11-27');
    expect(r.notes.map((n) => n.code)).not.toContain('balance-below-grants');
  });
});

describe('charges the user says were right', () => {
  it('are never alerted about nor put in the support request (a purchase by hand of a recharge-sized amount)', () => {
    const all = reportOf(SEED_ACCOUNT);
    expect(criticals(all).filter((a) => a.kind === 'recharge-above-threshold')).toHaveLength(7);
    const r = reportOf(SEED_ACCOUNT, undefined, { ...DEFAULT_SETTINGS, clearedCharges: ['5E1F7A2C-0008'] });
    const above = r.alerts.filter((a) => a.kind === 'recharge-above-threshold');
    expect(above.map((a) => a.invoices[0])).not.toContain('5E1F7A2C-0008');
    expect(above).toHaveLength(6);
    expect(supportRequest(r)).not.toContain('5E1F7A2C-0008');
    expect(r.alerts.find((a) => a.kind === 'rapid-recharge')!.invoices).not.toContain('5E1F7A2C-0008');
  });

  it('an above-threshold message says which threshold it rests on, and when the claim may not hold', () => {
    const [a] = reportOf(SEED_ACCOUNT).alerts.filter((x) => x.kind === 'recharge-above-threshold');
    expect(a!.message).toContain('(threshold $5.00, as the billing overview shows it now)');
    expect(a!.message).toContain('If the threshold was higher then, or you bought this credit by hand, it may have been right.');
  });
});
