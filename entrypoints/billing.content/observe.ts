// Watching the page, in one place: which billing route we are on (one visit per route, each
// with its own AbortSignal), and what changes on it. As Refined GitHub's observe(), everything
// here stops when its signal aborts.
//
// A visit watches the whole page until its table is read, and reads at once when the site adds
// something (in the microtask after the site's own task, so badges join the table's first layout).
// Then it watches only what it read: that table, and the organization switcher. Changes in them
// are read again after a quiet moment; one of them leaving the page (a re-render, another
// organization) starts the watch of the whole page again. Our own changes (badges) are made
// quietly, never read back.
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
  /** Watch these from now on (the table just read, the switcher), or the whole page again (empty). */
  focus(targets: readonly Element[]): void;
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
  let targets: readonly Element[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => !signal.aborted && onChange(), debounceMs);
  };
  const observer = new MutationObserver((records) => {
    if (!targets.length) return onChange();
    if (!targets.every((t) => t.isConnected)) {
      targets = []; // Re-rendered or replaced: find it again, at once.
      connect();
      return onChange();
    }
    if (records.some((r) => targets.some((t) => t.contains(r.target)))) later();
  });
  function connect(): void {
    observer.disconnect();
    if (!targets.length) {
      observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
      return;
    }
    for (const target of targets) {
      observer.observe(target, { childList: true, subtree: true, characterData: true });
      // Only to notice it leaving the page: its ancestors' own children.
      for (let el = target.parentElement; el; el = el.parentElement) observer.observe(el, { childList: true });
    }
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
      if (signal.aborted || (next.length === targets.length && next.every((t, i) => t === targets[i]))) return;
      targets = [...next];
      connect();
    },
  };
}
