// One visit of a billing route: mount the panel, read the page now and whenever its rows
// change (SPA tables arrive late and paginate), send each new snapshot to the background.
import { format } from 'date-fns';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Panel, type PanelState } from '../../components/Panel';
import { readPage } from '../../lib/dashboard/read-page';
import type { PageKind } from '../../lib/dashboard/routes';
import type { Message } from '../../lib/messages';

const REREAD_DEBOUNCE_MS = 250;
/** How long a page may stay empty before we say we could not read it (SPAs load late). */
const UNREADABLE_AFTER_MS = 4000;

export async function startVisit(ctx: ContentScriptContext, kind: PageKind, signal: AbortSignal): Promise<void> {
  let state: PanelState = { kind, phase: 'reading', snapshot: null, error: null };
  let container: HTMLElement | null = null;
  const draw = (): void => {
    if (container) render(<Panel state={state} />, container);
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
    onMount: (uiContainer) => {
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
  signal.addEventListener('abort', () => ui.remove(), { once: true });

  let lastKey = '';
  const read = (): void => {
    if (signal.aborted) return;
    // Our own host is re-inserted if the site re-renders its main element.
    if (!ui.shadowHost.isConnected) ui.mount();
    const snapshot = readPage(document, kind, location.href, format(new Date(), "yyyy-MM-dd'T'HH:mm:ss"));
    const key = JSON.stringify({ ...snapshot, seenAt: '' });
    if (key === lastKey) return;
    lastKey = key;
    if (!snapshot.understood) return; // Wait for the table; the timer below reports failure.
    update({ phase: 'ready', snapshot });
    send(snapshot);
  };
  const send = (snapshot: PanelState['snapshot']): void => {
    if (!snapshot) return;
    const message: Message = { type: 'snapshot', snapshot };
    browser.runtime.sendMessage(message).then(
      (response: unknown) => {
        const r = response as { ok?: boolean; error?: string } | undefined;
        if (!signal.aborted && r && r.ok === false) update({ error: r.error ?? 'The background refused the page.' });
      },
      (error: unknown) => !signal.aborted && update({ error: `Could not reach the extension: ${String(error)}` }),
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(read, REREAD_DEBOUNCE_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const giveUp = setTimeout(() => {
    if (state.phase !== 'reading' || signal.aborted) return;
    const snapshot = readPage(document, kind, location.href, format(new Date(), "yyyy-MM-dd'T'HH:mm:ss"));
    update({ phase: 'unreadable', snapshot });
    send(snapshot);
  }, UNREADABLE_AFTER_MS);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(giveUp);
    },
    { once: true },
  );
  read();
}
