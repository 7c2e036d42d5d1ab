// The views, rendered with Preact into happy-dom: what a person reads, and hostile strings shown
// as text, never as markup.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AlertList } from '../../components/AlertList';
import { Headline } from '../../components/Headline';
import { Panel, type PanelState } from '../../components/Panel';
import { Popup } from '../../components/Popup';
import { Reconciliation } from '../../components/Reconciliation';
import { badgeElement, grantNote, invoiceNote, type Note } from '../../components/RowBadge';
import { Timeline } from '../../components/Timeline';
import { SEED_ACCOUNT } from '../../demo/scenario';
import type { Report } from '../../lib/report-schema';
import { reportOf } from '../support/pipeline';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const seed = reportOf(SEED_ACCOUNT);
// Scraped text reaches the views inside codes' data too: an invoice number, a status word.
const hostile: Report = {
  ...seed,
  organization: HOSTILE,
  alerts: seed.alerts.map((a) => ({ ...a, message: `${a.message} ${HOSTILE}`, invoices: [HOSTILE], facts: a.facts.code === 'recharge-above-threshold' ? { ...a.facts, invoice: HOSTILE } : a.facts })),
  explanations: [HOSTILE],
  warnings: [HOSTILE],
  notes: [{ code: 'unknown-status', count: 1, words: [HOSTILE] }],
};

let container: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}
afterEach(() => {
  render(null, container);
  container.remove();
});
/** A row badge as the content script draws it. */
function badge(note: Note): HTMLElement {
  const el = mount(null);
  el.append(badgeElement(note));
  return el;
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const noMarkup = (el: HTMLElement) => expect(el.querySelector('img, script, iframe, [onerror]')).toBeNull();

describe('Panel', () => {
  const state: PanelState = { kind: 'credit-grants', phase: 'ready', snapshot: null, report: seed, problem: null, error: null, collapsed: false, outlineCopied: false };
  const actions = { toggle: () => undefined, copyOutline: () => undefined };

  it('leads with what is wrong, then the evidence and the reconciliation', () => {
    const el = mount(<Panel state={state} actions={actions} />);
    expect(el.querySelector('.cl-headline')!.textContent).toBe('Auto-recharge charged you 7 times ($76.23) while your balance was above its threshold.');
    // One count everywhere: the 7 charges the headline names (not 8 critical alerts).
    expect(el.querySelector('.cl-count')!.textContent).toBe('7 flagged charges');
    // One alert per story: the burst, and the 7 charges told once with their list and one total.
    const cards = [...el.querySelectorAll('.cl-alert')];
    expect(cards).toHaveLength(2);
    const above = el.querySelector('.cl-alert[data-kind="recharge-above-threshold"]')!;
    expect(above.querySelectorAll('.cl-charges li')).toHaveLength(7);
    expect(above.querySelector('.cl-alert-total')!.textContent).toBe('$76.23 in all');
    // Each recharge alert says where auto-recharge is switched off, and links there.
    for (const card of cards) {
      expect(card.querySelector('.cl-switch-off')!.textContent).toMatch(/switch auto-recharge off on the billing overview: Auto recharge, “Modify”/);
      expect(card.querySelector('.cl-switch-off a')!.getAttribute('href')).toBe('https://platform.openai.com/settings/organization/billing/overview');
    }
    expect(el.querySelector('.cl-recon')!.textContent).toContain('Paid$87.12');
    expect(el.querySelector('svg[role=img]')!.getAttribute('aria-label')).toMatch(/7 payments .* at least \$6\.20 to \$66\.20, against a threshold of \$5\.00/);
  });

  it('says when the page could not be read, and offers the outline', () => {
    const el = mount(<Panel state={{ ...state, phase: 'unreadable', report: null }} actions={actions} />);
    expect(el.querySelector('[role=alert]')!.textContent).toMatch(/could not find the data of this page \(Credit grants\)/);
    expect(el.querySelector('button.cl-button')!.textContent).toBe('Copy page outline for a bug report');
  });

  it('shows nothing but its header when collapsed', () => {
    const el = mount(<Panel state={{ ...state, collapsed: true }} actions={actions} />);
    expect(el.querySelector('.cl-body')).toBeNull();
    expect(el.querySelector('.cl-toggle')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('renders hostile strings as text', () => {
    const el = mount(<Panel state={{ ...state, report: hostile, problem: { message: HOSTILE, backupKey: 'k', at: '2026-11-27T10:00:00' } }} actions={actions} />);
    noMarkup(el);
    expect(el.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    (el.querySelector('details.cl-notes') as HTMLDetailsElement).open = true;
    expect(el.querySelector('.cl-alert-msg')!.textContent).toContain('invoices <img src=x');
    expect(el.querySelector('details.cl-notes')!.textContent).toContain('"<img src=x');
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

describe('only what was read', () => {
  const actions = { toggle: () => undefined, copyOutline: () => undefined };
  const panel = (report: Report, kind: PanelState['kind'] = 'credit-grants') =>
    mount(<Panel state={{ kind, phase: 'ready', snapshot: null, report, problem: null, error: null, collapsed: false, outlineCopied: false }} actions={actions} />);

  it('with only the grants read, no green "nothing wrong": it says what to open, and shows no figure it does not have', () => {
    const el = panel(reportOf(SEED_ACCOUNT, ['credit-grants']));
    expect(el.querySelector('.cl-headline')!.textContent).toBe('Open the billing history to see which payment bought each grant.');
    expect(el.querySelector('.cl-ok')).toBeNull();
    expect(el.querySelector('.cl-alerts')).toBeNull();
    expect(el.textContent).not.toContain('nothing here looks wrong');
    expect(el.querySelector('.cl-col .cl-muted')!.textContent).toBe('No alerts from the pages read so far. Not read yet: the billing history, the billing overview.');
    const rows = [...el.querySelectorAll('.cl-recon-row')].map((r) => r.textContent);
    expect(rows.slice(0, 3)).toEqual(['Paidnot read yet', '= credit boughtnot read yet', '+ taxnot read yet']);
  });

  it('with only the billing history read, says the credit is not known rather than $0.00', () => {
    const r = reportOf(SEED_ACCOUNT, ['billing-history']);
    const el = panel(r, 'billing-history');
    const rows = [...el.querySelectorAll('.cl-recon-row')].map((x) => x.textContent);
    expect(rows).toContain('Paid$87.12');
    expect(rows).toContain('= credit boughtnot read yet');
    expect(rows).toContain('Credit usednot read yet');
    // Nothing to compare with the threshold: no empty chart.
    expect(el.querySelector('.cl-timeline')).toBeNull();
    expect(badge(invoiceNote(r, '5E1F7A2C-0003')!).textContent).toContain('Credit grants not read yet');
  });

  it('is green only when every page the check needs was read and nothing was found', () => {
    const healthy = { ...SEED_ACCOUNT, purchases: SEED_ACCOUNT.purchases.slice(1, 2) };
    expect(panel(reportOf(healthy)).querySelector('.cl-headline.cl-ok')!.textContent).toBe('Nothing looks wrong: every payment matches the credit it bought.');
    render(null, container);
    const noOverview = panel(reportOf(healthy, ['credit-grants', 'billing-history']));
    expect(noOverview.querySelector('.cl-headline.cl-ok')).toBeNull();
    expect(noOverview.querySelector('.cl-headline')!.textContent).toMatch(/^No problem found in the pages read so far\. Open the billing overview/);
  });

  it('badges a grant whose purchase is not known yet with the page to open', () => {
    const r = reportOf(SEED_ACCOUNT, ['credit-grants']);
    const g = r.grants.find((x) => x.unmatched?.code === 'history-not-read')!;
    const el = badge(grantNote(r, g.id)!);
    expect(el.textContent).toContain('Purchase not known yet: the billing history is not read yet');
    expect(el.querySelector('a')!.getAttribute('href')).toBe('https://platform.openai.com/settings/organization/billing/history');
  });

  it('no view matches the analysis’s prose: words come from codes', () => {
    for (const file of ['Headline', 'AlertList', 'RowBadge', 'Reconciliation', 'ReportNotes', 'Timeline', 'Panel']) {
      const source = readFileSync(`components/${file}.tsx`, 'utf8');
      expect(source, file).not.toMatch(/unmatchedReason|\b(a|alert)\.message\b|report\.explanations\b|report\.warnings\b/);
    }
  });
});

describe('AlertList, Reconciliation, Timeline', () => {
  it('lists alerts most severe first and expands on request', () => {
    const el = mount(<AlertList alerts={seed.alerts} initial={1} />);
    expect(el.querySelectorAll('.cl-alert')).toHaveLength(1);
    expect(el.querySelector('.cl-sev')!.textContent).toBe('critical');
    (el.querySelector('button.cl-link') as HTMLButtonElement).click();
    // 10 alerts, 4 stories: the burst, the 7 charges, unused credit growing, usage.
    expect(seed.alerts).toHaveLength(10);
    return flush().then(() => expect([...el.querySelectorAll('.cl-alert')].map((c) => c.getAttribute('data-kind'))).toEqual(['rapid-recharge', 'recharge-above-threshold', 'credits-accumulating', 'usage-mismatch']));
  });

  it('reconciles paid = credit + tax', () => {
    const rows = [...mount(<Reconciliation report={seed} />).querySelectorAll('.cl-recon-row')].map((r) => r.textContent);
    expect(rows.slice(0, 3)).toEqual(['Paid$87.12', '= credit bought$80.00', '+ tax$7.12']);
  });

  it('draws one mark per payment of the burst, with the threshold', () => {
    const el = mount(<Timeline report={seed} />);
    expect(el.querySelectorAll('circle')).toHaveLength(7);
    expect(el.querySelectorAll('rect.cl-bar-bad')).toHaveLength(7);
    expect(el.querySelector('.cl-threshold')).not.toBeNull();
  });

  it('draws nothing without payments', () => {
    expect(mount(<Timeline report={{ ...seed, invoices: [], unusedAtPayment: [] }} />).innerHTML).toBe('');
  });
});

describe('Row badges', () => {
  it('say what bought a grant and what an invoice bought, with the alert', () => {
    const grant = seed.grants.find((g) => g.purchase?.invoice === '5E1F7A2C-0003')!;
    const g = badge(grantNote(seed, grant.id)!);
    expect(g.querySelector('.badge')!.className).toContain('badge-bad');
    expect(g.textContent).toContain('Invoice 5E1F7A2C-0003 · $10.89 ($0.89 tax)');
    expect(g.querySelector('.badge-alert')!.textContent).toBe('Charged while at least $16.20 was unused');
    const link = g.querySelector('a.badge-link')!;
    expect(link.getAttribute('href')).toBe('https://invoice.stripe.com/i/acct_demo/5E1F7A2C-0003');
    expect(link.getAttribute('aria-label')).toBe('Open invoice 5E1F7A2C-0003');
    render(null, container);
    const i = badge(invoiceNote(seed, '5E1F7A2C-0001')!);
    expect(i.textContent).toContain('→ $10.00 grant, shown as May 31, 2026');
    expect(i.querySelector('.badge')!.className).toContain('badge-ok');
  });

  it('say why a promotional grant has no purchase', () => {
    const promo = seed.grants.find((g) => !g.purchase)!;
    expect(badge(grantNote(seed, promo.id)!).textContent).toMatch(/promotional or free credit/);
  });
});

describe('Popup', () => {
  it('shows the report the background answers with, and its actions', async () => {
    fakeBrowser.reset();
    // A stand-in background (fake-browser answers with the listener's promise).
    fakeBrowser.runtime.onMessage.addListener(() =>
      Promise.resolve({
        ok: true,
        organizations: [{ key: 'A', name: HOSTILE }, { key: 'B', name: 'Other' }],
        glance: [
          { key: 'A', name: HOSTILE, flagged: 7, alerts: 8 },
          { key: 'B', name: 'Other', flagged: 0, alerts: 0 },
        ],
        current: 'A',
        report: hostile,
        pages: {},
        forgettable: [],
        problem: null,
        settings: {},
        held: [],
        undo: [],
        readOnly: null,
        damagedCopy: false,
      }),
    );
    const el = mount(<Popup />);
    for (let i = 0; i < 20 && !el.querySelector('.cl-headline'); i++) await flush();
    expect(el.querySelector('.cl-headline')!.textContent).toMatch(/charged you 7 times/);
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).toEqual(expect.arrayContaining(['Copy support request', 'Download CSV', 'Download report (JSON)']));
    // Every organization at a glance, with its count; the one shown is pressed.
    expect([...el.querySelectorAll('.orgs button')].map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      [`${HOSTILE}7 flagged charges`, 'true'],
      ['Otherno flagged charge', 'false'],
    ]);
    expect(el.querySelector('.cl-count')!.textContent).toBe('7 flagged charges');
    expect(el.querySelector('a[href*="statement.html?org=A"]')!.textContent).toBe('Monthly statement');
    noMarkup(el);
  });
});

describe('a healthy heavy user', () => {
  it('recharging often, with the credit used each time, is not told auto-recharge may be misfiring', () => {
    const purchases = ['09:00', '10:10', '11:20', '12:30', '13:40', '14:50'].map((t) => ({ paidAt: `2026-11-03T${t}`, amountCents: 1000, usedCents: 1000 }));
    const r = reportOf({ ...SEED_ACCOUNT, purchases: [...purchases.slice(0, 5), { ...purchases[5]!, usedCents: 0 }] });
    expect(r.alerts.filter((a) => a.kind === 'rapid-recharge').map((a) => a.severity)).toEqual(['warning']);
    expect(r.alerts.filter((a) => a.severity === 'critical')).toEqual([]);
    const el = mount(<Headline report={r} />);
    expect(el.textContent).toBe('2 things to look at; nothing critical.');
    expect(el.textContent).not.toMatch(/misfir/);
  });
});
