// Everyday use (issue 14), rendered into happy-dom: the monthly statement page, the options form's
// errors, the timeline's layout, one formatter for every time and amount, and a saved page whose
// time is not known.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../components/Options';
import { Panel } from '../../components/Panel';
import { flaggedCount } from '../../lib/exports/flagged';
import { grantsCsv } from '../../lib/exports/grants-csv';
import { monthlyStatement } from '../../lib/exports/statement';
import { centsOf, parseSettingsDraft, draftOf } from '../../components/settings-draft';
import { Statement } from '../../components/Statement';
import { Timeline } from '../../components/Timeline';
import { uiLocale, words } from '../../components/format';
import { SEED_ACCOUNT } from '../../demo/scenario';
import { DEFAULT_SETTINGS } from '../../lib/analysis/settings';
import { PLAIN } from '../../lib/exports/english';
import type { Report } from '../../lib/report-schema';
import { TIME_NOT_SHOWN } from '../../lib/wall-clock';
import { reportOf } from '../support/pipeline';

// The options form edits every setting but the charges the user cleared (kept as they are).
const { clearedCharges: _cleared, ...FORM_DEFAULTS } = DEFAULT_SETTINGS;

const seed = reportOf(SEED_ACCOUNT);
let container: HTMLElement;
const mount = (node: preact.ComponentChild) => {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
};
const flush = () => new Promise((r) => setTimeout(r, 0));
const until = async (el: HTMLElement, selector: string) => {
  for (let i = 0; i < 50 && !el.querySelector(selector); i++) await flush();
  return el.querySelector(selector);
};
let sent: { type: string; [k: string]: unknown }[] = [];
const background = (answer: (m: { type: string; [k: string]: unknown }) => unknown) => {
  fakeBrowser.reset();
  sent = [];
  fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
    sent.push(m as { type: string });
    return Promise.resolve(answer(m as { type: string }));
  });
};
const status = (report: Report | null) => ({
  ok: true,
  organizations: [{ key: 'Personal', name: 'Personal' }],
  glance: [{ key: 'Personal', name: 'Personal', flagged: 7, alerts: 10 }],
  current: 'Personal',
  report,
  pages: {},
  forgettable: [],
  problem: null,
  settings: DEFAULT_SETTINGS,
  held: [],
  undo: [],
  readOnly: null,
  damagedCopy: false,
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the monthly statement page', () => {
  beforeEach(() => background(() => status(seed)));

  it('shows paid, tax, credit bought, refunded, flagged charges and credit expired per month, with a total row equal to the report', async () => {
    const el = mount(<Statement organization="Personal" />);
    await until(el, 'table.months');
    expect(sent[0]).toEqual({ type: 'status', organization: 'Personal' });
    expect(el.querySelector('h1')!.textContent).toBe('Monthly statement: Personal');
    expect([...el.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Month',
      'Invoices',
      'Paid',
      'Tax',
      'Credit bought',
      'Refunded',
      'Flagged charges',
      'Flagged amount',
      'Credit expired',
    ]);
    const rows = [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['January 2026', '0', '$0.00', '$0.00', '$0.00', '$0.00', '0', '$0.00', '$3.80'],
      ['June 2026', '1', '$10.89', '$0.89', '$10.00', '$0.00', '0', '$0.00', '$0.00'],
      ['November 2026', '7', '$76.23', '$6.23', '$70.00', '$0.00', '7', '$76.23', '$0.00'],
    ]);
    const total = [...el.querySelectorAll('tfoot tr > *')].map((c) => c.textContent);
    expect(total).toEqual(['Total', '8', '$87.12', '$7.12', '$80.00', '$0.00', '7', '$76.23', '$3.80']);
    // The flagged figures agree with the headline's 7 charges.
    expect(el.querySelectorAll('td.flagged')).toHaveLength(4);
    // Print and CSV are buttons, kept off the printed page.
    expect([...el.querySelectorAll('.no-print button')].map((b) => b.textContent)).toEqual(['Print or save as PDF', 'Download CSV']);
    expect(el.textContent).toContain("Times are as the billing pages show them: your browser's local time.");
  });

  it('says so when nothing was read', async () => {
    background(() => status(null));
    const el = mount(<Statement />);
    await until(el, 'h1');
    expect(el.textContent).toContain('No invoice or grant has been read for this organization yet.');
    expect(el.querySelector('table')).toBeNull();
  });
});

describe('options', () => {
  it('reads amounts to cents without floats, with a dot or a comma before the cents', () => {
    expect(centsOf('5')).toBe(500);
    expect(centsOf('5.5')).toBe(550);
    expect(centsOf('5,00')).toBe(500);
    expect(centsOf('$12.34')).toBe(1234);
    expect(centsOf('')).toBeNull();
    expect(centsOf('five')).toBeUndefined();
    expect(centsOf('-5')).toBeUndefined();
    expect(centsOf('0.1')).toBe(10);
  });

  it('names each field that cannot be saved, and sends nothing', () => {
    const draft = { ...draftOf(DEFAULT_SETTINGS), rapidCount: '', expiringDays: '400', threshold: 'lots' };
    const r = parseSettingsDraft(draft);
    expect(r.ok).toBe(false);
    expect(Object.keys(!r.ok ? r.errors : {}).sort()).toEqual(['expiringDays', 'rapidCount', 'threshold']);
    expect(parseSettingsDraft({ ...draftOf(DEFAULT_SETTINGS), threshold: '5', target: '15,00' })).toEqual({
      ok: true,
      settings: { ...FORM_DEFAULTS, thresholdCents: 500, targetCents: 1500 },
    });
  });

  it('shows the error beside the field, keeps what was typed, and saves once it is right', async () => {
    background((m) => (m.type === 'settings' ? { ok: true, settings: DEFAULT_SETTINGS } : status(seed)));
    const el = mount(<Options />);
    const input = (await until(el, '#field-rapidCount')) as HTMLInputElement;
    input.value = '';
    input.dispatchEvent(new Event('input'));
    const target = el.querySelector('#field-target') as HTMLInputElement;
    target.value = '15';
    target.dispatchEvent(new Event('input'));
    await flush();
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(el.querySelector('[role=alert]')!.textContent).toBe('Not saved: 1 field needs a change (marked below).');
    expect(el.querySelector('#error-rapidCount')!.textContent).toBe('“Charges” should be a whole number from 2 to 100.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('error-rapidCount');
    expect(document.activeElement).toBe(input);
    expect((el.querySelector('#field-target') as HTMLInputElement).value).toBe('15');
    expect(sent.some((m) => m.type === 'settings')).toBe(false);
    input.value = '4';
    input.dispatchEvent(new Event('input'));
    await flush();
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    for (let i = 0; i < 20 && !sent.some((m) => m.type === 'settings'); i++) await flush();
    expect(sent.find((m) => m.type === 'settings')).toEqual({ type: 'settings', settings: { ...FORM_DEFAULTS, rapidCount: 4, targetCents: 1500 } });
  });

  it('opens the file picker from a real button, reachable by keyboard', async () => {
    background(() => status(seed));
    const el = mount(<Options />);
    await until(el, 'form');
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Import data…')!;
    expect(button.closest('label')).toBeNull();
    const file = el.querySelector('input[type=file]') as HTMLInputElement;
    expect(file.tabIndex).toBe(-1);
    let opened = 0;
    file.addEventListener('click', () => opened++);
    button.click();
    expect(opened).toBe(1);
    // Every field has a label tied to it.
    for (const i of el.querySelectorAll('form input')) expect(el.querySelector(`label[for="${i.id}"]`), i.id).not.toBeNull();
  });
});

describe('the timeline', () => {
  it('draws no chart without the credit grants page: nothing to compare with the threshold', () => {
    expect(mount(<Timeline report={reportOf(SEED_ACCOUNT, ['billing-history', 'overview'])} />).innerHTML).toBe('');
  });

  it('keeps every bar clear of every dot, and its labels apart and inside the picture', () => {
    for (const width of [560, 320]) {
      const el = mount(<Timeline report={seed} width={width} />);
      const svg = el.querySelector('svg')!;
      const [, , W, H] = svg.getAttribute('viewBox')!.split(' ').map(Number);
      const axis = Number(el.querySelector('.cl-axis')!.getAttribute('y1'));
      for (const bar of el.querySelectorAll('rect')) {
        expect(Number(bar.getAttribute('y')) + Number(bar.getAttribute('height'))).toBeLessThanOrEqual(axis);
        expect(Number(bar.getAttribute('height'))).toBeGreaterThanOrEqual(3);
      }
      for (const dot of el.querySelectorAll('circle')) expect(Number(dot.getAttribute('cy')) - Number(dot.getAttribute('r'))).toBeGreaterThan(axis);
      // The first flagged bar ($6.20) is drawn, not hidden.
      expect(el.querySelectorAll('rect.cl-bar-bad')).toHaveLength(7);
      // Bottom labels: on one row they do not overlap; otherwise the second moves down a row.
      const [start, end] = [...el.querySelectorAll('text')].slice(-2);
      const startX = Number(start!.getAttribute('x'));
      const endX = Number(end!.getAttribute('x'));
      const sameRow = start!.getAttribute('y') === end!.getAttribute('y');
      if (sameRow) expect(startX + start!.textContent!.length * 6.6).toBeLessThan(endX - end!.textContent!.length * 6.6);
      for (const text of el.querySelectorAll('text')) expect(Number(text.getAttribute('y'))).toBeLessThanOrEqual(H!);
      // "$0.00" has room left of the axis.
      const zero = [...el.querySelectorAll('text')].find((t) => t.textContent === '$0.00')!;
      expect(Number(zero.getAttribute('x')) - 5 * 6.6).toBeGreaterThanOrEqual(0);
      expect(W).toBe(width);
      render(null, container);
      container.remove();
    }
    container = document.createElement('div');
  });

  it('says in its caption only what it draws', () => {
    const el = mount(<Timeline report={seed} />);
    expect(el.querySelector('figcaption')!.textContent).toBe(
      'Bars: credit provably unused when each payment (dot) was made. Red: charged while credit above the threshold was unused. Dashed line: the auto-recharge threshold. Showing the burst of 7 charges. Times as the billing history shows them.',
    );
    render(null, container);
    const noThreshold = { ...seed, rechargeRule: { ...seed.rechargeRule, thresholdCents: null }, alerts: [] };
    const caption = mount(<Timeline report={noThreshold} />).querySelector('figcaption')!.textContent!;
    expect(caption).not.toMatch(/Dashed|Red/);
    expect(container.querySelector('.cl-threshold')).toBeNull();
    render(null, container);
    // Every recharge used up: dots and the threshold, and no word about bars.
    const usedUp = { ...seed, unusedAtPayment: seed.unusedAtPayment.map((u) => ({ ...u, unusedCents: 0 })), alerts: [] };
    const el2 = mount(<Timeline report={usedUp} />);
    expect(el2.querySelectorAll('rect')).toHaveLength(0);
    expect(el2.querySelector('figcaption')!.textContent).toMatch(/^Dots: the payments\. No credit is provably unused at any of them\. Dashed line/);
  });
});

describe('one count of charges', () => {
  it('pill, headline, statement and grants CSV name the same number of charges', () => {
    for (const report of [seed, reportOf({ ...SEED_ACCOUNT, purchases: SEED_ACCOUNT.purchases.slice(0, 4) })]) {
      const n = flaggedCount(report);
      expect(n).toBeGreaterThan(0);
      const el = mount(<Panel state={{ kind: 'overview', phase: 'ready', snapshot: null, report, problem: null, error: null, collapsed: false, outlineCopied: false }} actions={{ toggle: () => undefined, copyOutline: () => undefined }} />);
      expect(el.querySelector('.cl-count')!.textContent).toBe(`${n} flagged charge${n === 1 ? '' : 's'}`);
      expect(el.querySelector('.cl-headline')!.textContent).toMatch(new RegExp(`charged you ${n} times?`));
      expect(monthlyStatement(report).trim().split('\r\n').at(-1)!.split(',')[6]).toBe(String(n));
      expect(grantsCsv(report).split('\r\n').filter((row) => row.endsWith(',yes'))).toHaveLength(n);
      render(null, container);
      container.remove();
    }
    container = document.createElement('div');
  });
});

describe('one formatter', () => {
  it('writes times and money the same way on every surface, in the account’s currency', () => {
    const w = words();
    expect(w.wall('2026-11-03T13:02')).toBe('Nov 3, 2026, 1:02 PM');
    expect(w.day('2026-11-03')).toBe('Nov 3, 2026');
    expect(w.money(8712)).toBe('$87.12');
    expect(words('EUR').money(8712)).toBe('€87.12');
    expect(words('JPY').money(1200)).toBe('¥1,200');
    expect(w.percent(2000)).toBe('20%');
    expect(PLAIN.percent(2000)).toBe('20%');
  });

  it('takes the browser’s region when it prefers one for the language of the words (en-GB writes 31 Oct 2026)', () => {
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages');
    try {
      Object.defineProperty(navigator, 'languages', { value: ['en-GB', 'en'], configurable: true });
      expect(uiLocale()).toBe('en-GB');
      Object.defineProperty(navigator, 'languages', { value: ['de-DE', 'en-US'], configurable: true });
      // The words are English (this browser's locale file): English formats, in the region it names.
      expect(uiLocale()).toBe('en-US');
    } finally {
      delete (navigator as { languages?: unknown }).languages;
      if (languages) Object.defineProperty(Navigator.prototype, 'languages', languages);
    }
  });

  it('says "time not known" for a saved page that proves no time, never a date in 1970', () => {
    expect(words().wall(TIME_NOT_SHOWN)).toBe('time not known');
    expect(PLAIN.wall(TIME_NOT_SHOWN)).toBe('time not known');
    expect(words().wall(TIME_NOT_SHOWN)).not.toMatch(/1970/);
  });
});

describe('a charge the user says was right', () => {
  it('is offered beside each flagged charge, and says which invoice', async () => {
    const { AlertList } = await import('../../components/AlertList');
    const cleared: string[] = [];
    const el = mount(<AlertList alerts={seed.alerts} report={seed} onClear={(i) => cleared.push(i)} />);
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('button.cl-clear')];
    expect(buttons).toHaveLength(7);
    expect(buttons[0]!.getAttribute('aria-label')).toMatch(/^It was right: invoice 5E1F7A2C-\d{4}$/);
    buttons[0]!.click();
    expect(cleared).toHaveLength(1);
    expect(seed.alerts.some((a) => a.invoices.includes(cleared[0]!))).toBe(true);
  });

  it('is not offered where no one can act on it (the panel passes no onClear)', async () => {
    const { AlertList } = await import('../../components/AlertList');
    const el = mount(<AlertList alerts={seed.alerts} report={seed} />);
    expect(el.querySelectorAll('button.cl-clear')).toHaveLength(0);
  });
});

