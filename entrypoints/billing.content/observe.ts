// Watching the page, in one place: which billing route we are on (one visit per route, each
// with its own AbortSignal), and what changes on it. As Refined GitHub's observe(), everything
// here stops when its signal aborts.
//
// A visit watches the whole page until its table is read, and reads at once when the site adds
// something (in the microtask after the site's own task, so badges join the table's first layout).
// Then it watches only that table: rows added, removed or changed in it are read again after a
// quiet moment, and the table leaving the page (a re-render, another organization) starts the
// watch of the whole page again. Our own changes (badges) are made quietly, never read back.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageKindOfUrl, type PageKind } from '../../lib/dashboard/pages';

/** Run `visit` for each billing route the tab shows, aborting the last one's signal when the route changes. */
export function observeRoutes(ctx: ContentScriptContext, visit: (kind: PageKind, url: string, signal: AbortSignal) => void): void {
  let current: AbortController | null = null;
  let visitedUrl = '';
  const onRoute = (href: string): void => {
    if (href === visitedUrl) return;
    visitedUrl = href;
    current?.abort();
    current = null;
    const kind = pageKindOfUrl(href);
    if (!kind) return; // Not a billing page: route detection is all we do here.
    current = new AbortController();
    visit(kind, href, current.signal);
  };
  // WXT's event carries the new URL: with the Navigation API it fires before location changes.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => onRoute(event.newUrl.href));
  ctx.onInvalidated(() => current?.abort());
  onRoute(location.href);
}

export interface PageWatch {
  /** Change the page (draw badges) without the change being reported. */
  quietly(change: () => void): void;
  /** Watch `table` from now on (the table just read), or the whole page again (null). */
  focus(table: Element | null): void;
}

export interface WatchOptions {
  signal: AbortSignal;
  /** How long a watched table stays quiet before it is read again. */
  debounceMs: number;
}

/**
 * Call `onChange` when the page may show something new: at once while no table is watched,
 * after `debounceMs` of quiet for changes inside the watched table.
 */
export function observePage(onChange: () => void, { signal, debounceMs }: WatchOptions): PageWatch {
  let table: Element | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => !signal.aborted && onChange(), debounceMs);
  };
  const observer = new MutationObserver((records) => {
    if (!table) return onChange();
    if (!table.isConnected) {
      table = null; // Re-rendered or replaced: find it again, at once.
      connect();
      return onChange();
    }
    const inside = table;
    if (records.some((r) => inside.contains(r.target))) later();
  });
  function connect(): void {
    observer.disconnect();
    if (!table) {
      observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
      return;
    }
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    // Only to notice the table leaving the page: its ancestors' own children.
    for (let el = table.parentElement; el; el = el.parentElement) observer.observe(el, { childList: true });
  }
  connect();
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
  return {
    quietly(change) {
      observer.disconnect();
      try {
        change();
      } finally {
        observer.takeRecords();
        if (!signal.aborted) connect();
      }
    },
    focus(next) {
      if (next === table || signal.aborted) return;
      table = next;
      connect();
    },
  };
}
