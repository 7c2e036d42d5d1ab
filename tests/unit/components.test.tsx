// The views, rendered with Preact into happy-dom: what a person reads, and hostile strings shown
// as text, never as markup.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AlertList } from '../../components/AlertList';
import { Panel, type PanelState } from '../../components/Panel';
import { Popup } from '../../components/Popup';
import { Reconciliation } from '../../components/Reconciliation';
import { grantNote, invoiceNote, RowBadge } from '../../components/RowBadge';
import { Timeline } from '../../components/Timeline';
import { SEED_ACCOUNT } from '../../demo/scenario';
import type { Report } from '../../lib/report-schema';
import { reportOf } from '../support/pipeline';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const seed = reportOf(SEED_ACCOUNT);
const hostile: Report = {
  ...seed,
  organization: HOSTILE,
  alerts: seed.alerts.map((a) => ({ ...a, message: `${a.message} ${HOSTILE}` })),
  explanations: [HOSTILE],
  warnings: [HOSTILE],
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

const flush = () => new Promise((r) => setTimeout(r, 0));
const noMarkup = (el: HTMLElement) => expect(el.querySelector('img, script, iframe, [onerror]')).toBeNull();

describe('Panel', () => {
  const state: PanelState = { kind: 'credit-grants', phase: 'ready', snapshot: null, report: seed, problem: null, error: null, collapsed: false, outlineCopied: false };
  const actions = { toggle: () => undefined, copyOutline: () => undefined };

  it('leads with what is wrong, then the evidence and the reconciliation', () => {
    const el = mount(<Panel state={state} actions={actions} />);
    expect(el.querySelector('.cl-headline')!.textContent).toBe('Auto-recharge charged you 7 times ($76.23) while your balance was above its threshold.');
    expect(el.querySelector('.cl-count')!.textContent).toBe('8 critical alerts');
    expect(el.querySelectorAll('.cl-alert')).toHaveLength(2);
    expect(el.querySelector('.cl-recon')!.textContent).toContain('Paid$87.12');
    expect(el.querySelector('svg[role=img]')!.getAttribute('aria-label')).toMatch(/7 payments .* at least \$6\.20 to \$66\.20, against a threshold of \$5\.00/);
  });

  it('says when the page could not be read, and offers the outline', () => {
    const el = mount(<Panel state={{ ...state, phase: 'unreadable', report: null }} actions={actions} />);
    expect(el.querySelector('[role=alert]')!.textContent).toMatch(/could not find the credit grants data/);
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
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

describe('AlertList, Reconciliation, Timeline', () => {
  it('lists alerts most severe first and expands on request', () => {
    const el = mount(<AlertList alerts={seed.alerts} initial={3} />);
    expect(el.querySelectorAll('.cl-alert')).toHaveLength(3);
    (el.querySelector('button.cl-link') as HTMLButtonElement).click();
    return flush().then(() => expect(el.querySelectorAll('.cl-alert')).toHaveLength(seed.alerts.length));
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
    const g = mount(<RowBadge note={grantNote(seed, grant.id)!} />);
    expect(g.querySelector('.badge')!.className).toContain('badge-bad');
    expect(g.textContent).toContain('Invoice 5E1F7A2C-0003 · $10.89 ($0.89 tax)');
    expect(g.querySelector('.badge-alert')!.textContent).toBe('Charged while at least $16.20 was unused');
    const link = g.querySelector('a.badge-link')!;
    expect(link.getAttribute('href')).toBe('https://invoice.stripe.com/i/acct_demo/5E1F7A2C-0003');
    expect(link.getAttribute('aria-label')).toBe('Open invoice 5E1F7A2C-0003');
    render(null, container);
    const i = mount(<RowBadge note={invoiceNote(seed, '5E1F7A2C-0001')!} />);
    expect(i.textContent).toContain('→ $10.00 grant, shown as May 31, 2026');
    expect(i.querySelector('.badge')!.className).toContain('badge-ok');
  });

  it('say why a promotional grant has no purchase', () => {
    const promo = seed.grants.find((g) => !g.purchase)!;
    expect(mount(<RowBadge note={grantNote(seed, promo.id)!} />).textContent).toMatch(/older than the 12 months/);
  });
});

describe('Popup', () => {
  it('shows the report the background answers with, and its actions', async () => {
    fakeBrowser.reset();
    // A stand-in background (fake-browser answers with the listener's promise).
    fakeBrowser.runtime.onMessage.addListener(() =>
      Promise.resolve({ ok: true, organizations: [{ key: 'A', name: HOSTILE }, { key: 'B', name: 'Other' }], current: 'A', report: hostile, pages: {}, forgettable: [], problem: null, settings: {}, held: [], undo: [], readOnly: null, damagedCopy: false }),
    );
    const el = mount(<Popup />);
    for (let i = 0; i < 20 && !el.querySelector('.cl-headline'); i++) await flush();
    expect(el.querySelector('.cl-headline')!.textContent).toMatch(/charged you 7 times/);
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).toEqual(expect.arrayContaining(['Copy support request', 'Download CSV', 'Download report (JSON)']));
    expect([...el.querySelectorAll('option')].map((o) => o.textContent)).toEqual([HOSTILE, 'Other']);
    noMarkup(el);
  });
});
