// The popup's holding area and undo list, rendered into happy-dom with a stand-in background:
// what a person reads, which message each button sends, and hostile names shown as text.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Holding, UndoList } from '../../components/Holding';
import { orgLabel } from '../../components/org-label';
import type { HeldView } from '../../lib/messages';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
let container: HTMLElement;
let sent: unknown[] = [];
const mount = (node: preact.ComponentChild) => {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
};
const flush = () => new Promise((r) => setTimeout(r, 0));
const button = (el: HTMLElement, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === text)!;

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return Promise.resolve({ ok: true });
  });
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const held: HeldView = {
  id: 'credit-grants||||',
  source: 'credit-grants',
  seenAt: '2026-11-27T10:00:00',
  reason: `This page does not name its organization. ${HOSTILE}`,
  grants: 3,
  invoices: 0,
  candidates: [
    { key: 'Acme Research', name: 'Acme Research' },
    { key: 'h', name: HOSTILE },
  ],
};

describe('the holding area', () => {
  it('says what is held and whose it could be, and assigns, names or discards it', async () => {
    let changed = 0;
    const el = mount(<Holding held={[held]} onChange={() => changed++} />);
    expect(el.textContent).toContain(`These pages could be Acme Research or ${HOSTILE} or another organization — assign:`);
    expect(el.textContent).toContain('Credit grants, read');
    expect(el.querySelector('img, [onerror]')).toBeNull();
    button(el, 'Assign to “Acme Research”').click();
    await flush();
    expect(sent.pop()).toEqual({ type: 'assign', held: held.id, organization: 'Acme Research' });
    button(el, 'Another organization…').click();
    await flush();
    const input = el.querySelector('input')!;
    input.value = '  Globex  ';
    input.dispatchEvent(new Event('input'));
    await flush();
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(sent.pop()).toEqual({ type: 'assign', held: held.id, organization: null, name: 'Globex' });
    button(el, 'Discard').click();
    await flush();
    expect(sent.pop()).toEqual({ type: 'discard', held: held.id });
    expect(changed).toBe(3);
  });

  it('shows nothing when nothing is held', () => {
    expect(mount(<Holding held={[]} onChange={() => undefined} />).textContent).toBe('');
  });
});

describe('the undo list', () => {
  it('undoes a change by its id', async () => {
    const el = mount(<UndoList undo={[{ id: 'x1', label: 'Import of 3 new grants', at: '2026-11-27T10:00:00' }]} onChange={() => undefined} />);
    expect(el.textContent).toContain('Import of 3 new grants');
    button(el, 'Undo').click();
    await flush();
    expect(sent).toEqual([{ type: 'undo', id: 'x1' }]);
  });
});

describe('organization labels', () => {
  it('tell two organizations with one name apart by their keys', () => {
    expect(orgLabel({ key: 'Personal', name: 'Personal' })).toBe('Personal');
    expect(orgLabel({ key: 'Personal (2)', name: 'Personal' })).toBe('Personal (2)');
    expect(orgLabel({ key: 'A', name: HOSTILE })).toBe(HOSTILE);
    expect(orgLabel({ key: '', name: null })).toBe('Not named on the page');
  });
});
