// One visit of a billing route: mount the panel, show what is already known, read the page now
// and whenever its rows change (SPA tables arrive late and paginate), send each new snapshot to
// the background, and draw the report it answers with in the panel and beside the rows.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ask } from '../../components/ask';
import { Panel, type PanelState } from '../../components/Panel';
import { browserLocales } from '../../lib/dashboard/dates';
import { pageOutline } from '../../lib/dashboard/outline';
import { readPageWithAnchors, type PageRead, type PageKind } from '../../lib/dashboard/pages';
import type { StorageProblem } from '../../lib/messages';
import type { Report } from '../../lib/report-schema';
import { wallClockNow } from '../../lib/wall-clock';
import { followSystemTheme } from '../../components/theme';
import { removeBadges, renderBadges } from './badges';
import { pageTheme, siteTheme } from './theme';

const REREAD_DEBOUNCE_MS = 250;
/** How long a page may stay empty before we say we could not read it (SPAs load late). */
const UNREADABLE_AFTER_MS = 4000;
// The panel's state is kept by the background (lib/storage-items.ts): the content script reaches
// storage only through messages, and stays small.
const readCollapsed = () => ask('panel', {}).then((r) => r.ok && r.collapsed, () => false);

/** A performance mark for the bench; a long-lived page keeps only the recent ones. */
function mark(name: string): void {
  const full = `credit-lens:${name}`;
  if (performance.getEntriesByName(full).length > 20) performance.clearMarks(full);
  performance.mark(full);
}

export async function startVisit(ctx: ContentScriptContext, kind: PageKind, url: string, signal: AbortSignal): Promise<void> {
  const collapsed = await readCollapsed();
  let state: PanelState = { kind, phase: 'reading', snapshot: null, report: null, problem: null, error: null, collapsed, outlineCopied: false };
  let container: HTMLElement | null = null;
  let lastRead: PageRead | null = null;
  let theme = pageTheme();
  // The site writes dates in the browser's locale: read them in its languages, in order.
  const dates = { locales: browserLocales(navigator.languages, Intl.DateTimeFormat().resolvedOptions().locale), strategy: 'first' as const };

  const actions = {
    toggle: () => {
      update({ collapsed: !state.collapsed });
      void ask('panel', { collapsed: state.collapsed }).catch(() => undefined);
    },
    copyOutline: () => {
      void navigator.clipboard.writeText(pageOutline(document)).then(
        () => update({ outlineCopied: true }),
        () => update({ error: 'The browser did not allow copying to the clipboard.' }),
      );
    },
  };
  const draw = (): void => {
    if (container) render(<Panel state={state} actions={actions} />, container);
  };
  const update = (next: Partial<PanelState>): void => {
    state = { ...state, ...next };
    draw();
  };

  const ui = await createShadowRootUi(ctx, {
    name: 'credit-lens-panel',
    position: 'inline',
    anchor: () => document.querySelector('main, [role="main"]') ?? document.body,
    append: 'first',
    onMount: (uiContainer, _shadow, shadowHost) => {
      shadowHost.dataset.theme = theme;
      container = uiContainer;
      draw();
    },
    onRemove: () => {
      if (container) render(null, container);
      container = null;
    },
  });
  if (signal.aborted) return;
  ui.mount();
  if (!siteTheme()) {
    // No theme of the site's own: follow the system's as it changes.
    followSystemTheme((next) => {
      theme = next;
      for (const host of [ui.shadowHost, ...document.querySelectorAll<HTMLElement>('credit-lens-badge')]) host.dataset.theme = next;
    }, signal);
  }

  // What the ledger already knows, at once, while the page's own table is still loading.
  ask('status', {}).then(
    (s) => s.ok && !signal.aborted && state.report === null && update({ report: s.report, problem: s.problem }),
    () => undefined,
  );

  const observer = new MutationObserver(() => schedule());
  const watch = () => observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  /** Change the page without re-reading it because of our own badges. */
  const quietly = (change: () => void): void => {
    observer.disconnect();
    try {
      change();
    } finally {
      observer.takeRecords();
      if (!signal.aborted) watch();
    }
  };

  let cancelBadges = (): void => undefined;
  // Grant ids of the last read's rows as the background named them (pages of a paged table).
  let grantIds: readonly string[] | undefined;
  const drawBadges = (report: Report | null): void => {
    if (!lastRead || !report) return;
    cancelBadges();
    mark('badges-start');
    cancelBadges = renderBadges(lastRead, report, theme, quietly, () => mark('badges-rendered'), () => mark('badges-visible'), grantIds);
  };

  const send = (read: PageRead): void => {
    ask('snapshot', { snapshot: read.snapshot }).then(
      (answer) => {
        if (signal.aborted) return;
        mark('report-received');
        if (!answer.ok) return update({ error: answer.error });
        if (read === lastRead) grantIds = answer.grantIds.length === read.snapshot.grants.length ? answer.grantIds : undefined;
        drawBadges(answer.report); // Rows first: they are what the person is looking at.
        update({ report: answer.report, problem: answer.problem, error: null });
      },
      (error: unknown) => !signal.aborted && update({ error: `Could not reach the extension: ${String(error)}` }),
    );
  };

  let lastKey = '';
  // The organization and rows of the last read sent: an organization switch shows in the top bar
  // first and in the table later (about 1.2 s on the real site), so a read whose organization
  // changed while its rows did not is still the last organization's table, and is not sent.
  let sent: { organization: string | null; id: string | null; rows: string } | null = null;
  const waiting = (message: string): StorageProblem => ({ message, backupKey: '', at: wallClockNow() });
  const read = (): void => {
    if (signal.aborted) return;
    // Our host is re-inserted if the site re-renders its main element.
    if (!ui.shadowHost.isConnected) quietly(() => ui.mount());
    mark('read-start');
    // Rows and organization are read in one pass: the same moment of the page.
    const result = readPageWithAnchors(document, kind, url, wallClockNow(), dates);
    mark('read-done');
    const key = JSON.stringify({ ...result.snapshot, seenAt: '' });
    if (key === lastKey) return;
    lastKey = key;
    if (!result.snapshot.understood) return; // Wait for the table; the timer below reports failure.
    const s = result.snapshot;
    if (s.organizationConflict) {
      update({ problem: waiting(`The page is changing organization (${s.organizationConflict}): Credit Lens waits until it settles.`) });
      return; // Read again at the next change.
    }
    const rows = JSON.stringify([s.grants, s.invoices, s.overview, s.usage]);
    const organization = s.organization;
    const id = s.organizationId ?? null;
    if (sent && (sent.organization !== organization || sent.id !== id) && sent.rows === rows) {
      update({ problem: waiting(`The organization changed to "${organization ?? 'an unnamed one'}": Credit Lens waits for its table before reading it.`) });
      return;
    }
    sent = { organization, id, rows };
    lastRead = result;
    grantIds = undefined;
    drawBadges(state.report); // Rows that arrived late get the badges we already have at once.
    update({ phase: 'ready', snapshot: result.snapshot });
    send(result);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  // Until the table is first read, read in the next task: a site renders a table in one task, so
  // that coalesces it without delay. After that, changes are debounced.
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(read, lastRead ? REREAD_DEBOUNCE_MS : 0);
  };
  watch();
  const giveUp = setTimeout(() => {
    if (state.phase !== 'reading' || signal.aborted) return;
    const result = readPageWithAnchors(document, kind, url, wallClockNow(), dates);
    update({ phase: 'unreadable', snapshot: result.snapshot });
    send(result);
  }, UNREADABLE_AFTER_MS);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(giveUp);
      ui.remove();
      cancelBadges();
      removeBadges();
    },
    { once: true },
  );
  read();
}
