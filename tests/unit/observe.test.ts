// The one observer of the content script (issue 13, part 5): routes, then the page until its
// table is read, then only that table; our own changes are never read back; all of it stops
// with the visit's signal.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { observePage, observeRoutes } from '../../entrypoints/billing.content/observe';
import { pageUrl } from '../../lib/dashboard/pages';

const DEBOUNCE = 250;
/** Let mutation records be delivered, and timers up to `ms` run. */
const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

function table(rows: number): HTMLTableElement {
  const t = document.createElement('table');
  const body = t.createTBody();
  for (let i = 0; i < rows; i++) body.insertRow().insertCell().textContent = `row ${i}`;
  return t;
}

let visit: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren(document.createElement('main'));
  visit = new AbortController();
});
afterEach(() => {
  visit.abort();
  vi.useRealTimers();
});

describe('observePage', () => {
  it('reads at once when the table arrives, then only changes of that table, after a quiet moment', async () => {
    const onChange = vi.fn();
    const watch = observePage(onChange, { signal: visit.signal, debounceMs: DEBOUNCE });
    const t = table(3);
    document.querySelector('main')!.append(t);
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1); // no timer: the table's first frame can have badges
    watch.focus([t]);

    document.body.append(document.createElement('aside')); // elsewhere on the page: not our business
    await settle(DEBOUNCE * 2);
    expect(onChange).toHaveBeenCalledTimes(1);

    t.tBodies[0]!.insertRow().insertCell().textContent = 'row 3'; // "Load more"
    t.tBodies[0]!.insertRow().insertCell().textContent = 'row 4';
    await settle(DEBOUNCE - 1);
    expect(onChange).toHaveBeenCalledTimes(1);
    await settle(1);
    expect(onChange).toHaveBeenCalledTimes(2); // both rows, one read
  });

  it('also reads again when the organization switcher changes, outside the table', async () => {
    const onChange = vi.fn();
    const watch = observePage(onChange, { signal: visit.signal, debounceMs: DEBOUNCE });
    const switcher = document.createElement('button');
    switcher.textContent = 'Personal';
    document.body.prepend(switcher);
    const t = table(2);
    document.querySelector('main')!.append(t);
    await settle();
    watch.focus([t, switcher]);
    switcher.textContent = 'Acme Research'; // the top bar switches before the table does
    await settle(DEBOUNCE);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('never reports what is changed quietly (our badges)', async () => {
    const onChange = vi.fn();
    const watch = observePage(onChange, { signal: visit.signal, debounceMs: DEBOUNCE });
    const t = table(2);
    document.querySelector('main')!.append(t);
    await settle();
    watch.focus([t]);
    watch.quietly(() => t.querySelector('td')!.append(document.createElement('credit-lens-badge')));
    await settle(DEBOUNCE * 2);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('reads at once again when the table leaves the page (re-rendered, another organization)', async () => {
    const onChange = vi.fn();
    const watch = observePage(onChange, { signal: visit.signal, debounceMs: DEBOUNCE });
    const main = document.querySelector('main')!;
    const t = table(2);
    main.append(t);
    await settle();
    watch.focus([t]);
    t.replaceWith(table(2));
    await settle();
    expect(onChange).toHaveBeenCalledTimes(2);
    // The whole page is watched again: the next change is read at once too.
    main.append(table(1));
    await settle();
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('stops with its visit', async () => {
    const onChange = vi.fn();
    const watch = observePage(onChange, { signal: visit.signal, debounceMs: DEBOUNCE });
    const t = table(2);
    document.querySelector('main')!.append(t);
    await settle();
    watch.focus([t]);
    t.tBodies[0]!.insertRow();
    visit.abort();
    await settle(DEBOUNCE * 2);
    document.querySelector('main')!.append(table(1));
    await settle(DEBOUNCE * 2);
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('observeRoutes', () => {
  it('starts one visit per billing route, ending the last one, and none elsewhere', () => {
    let onLocation: ((event: { newUrl: URL }) => void) | undefined;
    let onInvalidated: (() => void) | undefined;
    const ctx = {
      addEventListener: (_target: unknown, _type: string, cb: (event: { newUrl: URL }) => void) => (onLocation = cb),
      onInvalidated: (cb: () => void) => (onInvalidated = cb),
    } as unknown as ContentScriptContext;
    const visits: { kind: string; signal: AbortSignal }[] = [];
    observeRoutes(ctx, (kind, _url, signal) => visits.push({ kind, signal }));
    expect(visits).toEqual([]); // the test page is no billing page
    onLocation!({ newUrl: new URL(pageUrl('credit-grants')) });
    onLocation!({ newUrl: new URL(pageUrl('credit-grants')) }); // the same address: the same visit
    onLocation!({ newUrl: new URL(pageUrl('billing-history')) });
    expect(visits.map((v) => v.kind)).toEqual(['credit-grants', 'billing-history']);
    expect(visits.map((v) => v.signal.aborted)).toEqual([true, false]);
    onLocation!({ newUrl: new URL('https://platform.openai.com/playground') });
    expect(visits[1]!.signal.aborted).toBe(true);
    expect(visits).toHaveLength(2);
    onLocation!({ newUrl: new URL(pageUrl('usage')) });
    onInvalidated!(); // the extension was updated or removed
    expect(visits[2]!.signal.aborted).toBe(true);
  });
});
