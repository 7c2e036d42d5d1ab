// One visit of a billing route: mount the panel, read the page when its table arrives and again
// when its rows change (observe.ts), badge every row at once with what is known before the
// background answers (known-notes.ts), send the read to the background, then draw the notes it
// answers with (only the rows whose note changed) and the report it made in the panel.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ask } from '../../components/ask';
import { Panel, type PanelState } from '../../components/Panel';
import { followSystemTheme } from '../../components/theme';
import { browserLocales } from '../../lib/dashboard/dates';
import { pageOutline } from '../../lib/dashboard/outline';
import { readPageWithAnchors, type PageKind, type PageRead } from '../../lib/dashboard/pages';
import { warmUpReader } from '../../lib/dashboard/warm-up';
import type { StorageProblem } from '../../lib/messages';
import { rowKeys, type RowKeys, type RowNote, type RowNotes } from '../../lib/row-notes';
import { wallClockNow } from '../../lib/wall-clock';
import { RowBadges } from './badges';
import { KnownNotes } from './known-notes';
import { observePage } from './observe';
import { pageTheme, siteTheme } from './theme';

const REREAD_DEBOUNCE_MS = 250;
/** How long a page may stay empty before we say we could not read it (SPAs load late). */
const UNREADABLE_AFTER_MS = 4000;
/** Rows drawn first: a table starts near the top, and asking where rows are would force a layout. */
const FIRST_ROWS = 40;
const MAIN = 'main, [role="main"]';
// The panel's state is kept by the background (lib/storage-items.ts): the content script reaches
// storage only through messages, and stays small.
const readCollapsed = () => ask('panel', {}).then((r) => r.ok && r.collapsed, () => false);

/**
 * Run `task` once the next frame is painted: the panel waits for the table and its badges to be on
 * screen. A hidden tab paints no frames: after a while it runs anyway.
 */
function afterPaint(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 500);
}

/** A performance mark for the bench; a long-lived page keeps only the recent ones. */
function mark(name: string): void {
  const full = `credit-lens:${name}`;
  if (performance.getEntriesByName(full).length > 20) performance.clearMarks(full);
  performance.mark(full);
}

export async function startVisit(ctx: ContentScriptContext, kind: PageKind, url: string, signal: AbortSignal): Promise<void> {
  const known = new KnownNotes();
  let theme = pageTheme();
  const badges = new RowBadges(theme);
  let lastRead: PageRead | null = null;
  let answered = false;
  // First, before the table arrives: what these rows were last answered with.
  void ask('rows', { page: kind }).then(
    (r) => {
      if (!r.ok || signal.aborted) return;
      known.remember(r.memory, r.read);
      // A table read before this came (it was in the page already) shows what it knows at once.
      if (lastRead && !answered) drawBadges(lastRead, known.notesFor(lastRead.snapshot, rowKeys(lastRead.snapshot)), false);
    },
    () => undefined,
  );
  const collapsed = await readCollapsed();
  let state: PanelState = { kind, phase: 'reading', snapshot: null, report: null, problem: null, error: null, collapsed, outlineCopied: false };
  let container: HTMLElement | null = null;
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
  // The panel's news after a read or an answer waits until the badges are on screen; anything
  // drawn sooner takes what waits with it, in order.
  let pending: Partial<PanelState> | null = null;
  const update = (next: Partial<PanelState>): void => {
    state = { ...state, ...pending, ...next };
    pending = null;
    draw();
  };
  const updateLater = (next: Partial<PanelState>): void => {
    const scheduled = pending !== null;
    pending = { ...pending, ...next };
    if (!scheduled) afterPaint(() => pending && !signal.aborted && update({}));
  };

  const ui = await createShadowRootUi(ctx, {
    name: 'credit-lens-panel',
    position: 'inline',
    // A selector, so WXT's autoMount can watch for it: the main element, else the body.
    anchor: () => (document.querySelector(MAIN) ? MAIN : 'body'),
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
  // WXT mounts the panel when its anchor is in the page and again when the site puts it back.
  ui.autoMount();
  if (!siteTheme()) {
    // No theme of the site's own: follow the system's as it changes.
    followSystemTheme((next) => {
      theme = next;
      ui.shadowHost.dataset.theme = next;
      badges.setTheme(next);
    }, signal);
  }

  // What the ledger already knows, for the panel, while the page's own table is still loading.
  ask('status', {}).then(
    (s) => s.ok && !signal.aborted && state.report === null && update({ report: s.report, problem: s.problem }),
    () => undefined,
  );

  /** Rows still to draw once the frame is on screen: the latest notes for them. */
  let rest: { cells: Element[]; notes: (RowNote | null)[]; from: number; final: boolean } | null = null;
  /**
   * Draw each row's note (`final`: the background's answer; a row it gives no note has none).
   * The first rows are drawn at once, in the table's first frame; the rest once that frame is on
   * screen (a thousand badges laid out with the table would hold its first frame back by as long
   * as the table itself takes). Notes that come meanwhile (the answer) replace those waiting.
   */
  function drawBadges(read: PageRead, notes: RowNotes, final: boolean): void {
    const cells = [...read.grantAnchors, ...read.invoiceAnchors];
    const all = [...notes.grants, ...notes.invoices];
    const first = Math.min(FIRST_ROWS, cells.length);
    const draw = (from: number, to: number, of: (RowNote | null)[]) =>
      watch.quietly(() => {
        for (let i = from; i < to; i++) badges.draw(cells[i]!, of[i] ?? null);
      });
    // Every row has its badge (after the answer: every row it gave a note).
    const done = (of: (RowNote | null)[], answered: boolean) => {
      if (!answered && !of.every((n) => n !== null)) return;
      mark('badges-rendered');
      afterPaint(() => mark('badges-painted'));
    };
    draw(0, first, all);
    if (final || all.slice(0, first).every((n) => n !== null)) mark('badges-visible');
    if (first === cells.length) {
      rest = null;
      return done(all, final);
    }
    const waiting = rest !== null;
    rest = { cells, notes: all, from: first, final };
    if (waiting) return; // the frame to come draws these instead
    afterPaint(() => {
      const r = rest;
      rest = null;
      if (!r || signal.aborted) return;
      watch.quietly(() => {
        for (let i = r.from; i < r.cells.length; i++) badges.draw(r.cells[i]!, r.notes[i] ?? null);
      });
      done(r.notes, r.final);
    });
  }

  const send = (read: PageRead, keys: RowKeys): void => {
    ask('snapshot', { snapshot: read.snapshot }).then(
      (answer) => {
        if (signal.aborted) return;
        mark('report-received');
        if (!answer.ok) return update({ ...ready(read), error: answer.error });
        known.learn(read.snapshot, keys, answer.rows);
        if (read === lastRead) {
          answered = true;
          drawBadges(read, answer.rows, true); // Rows first: they are what the person is looking at.
        }
        // The panel says the page is read once it shows what this read made of it.
        ask('report', { organization: answer.organization, held: answer.heldId }).then(
          (r) => !signal.aborted && updateLater({ ...ready(read), problem: answer.problem, error: null, ...(r.ok ? { report: r.report } : {}) }),
          () => !signal.aborted && updateLater({ ...ready(read), problem: answer.problem, error: null }),
        );
      },
      (error: unknown) => !signal.aborted && update({ ...ready(read), error: `Could not reach the extension: ${String(error)}` }),
    );
  };
  /** The panel's state for a read that was answered (the last one read, when several were sent). */
  const ready = (read: PageRead): Partial<PanelState> => (state.phase === 'unreadable' && !read.snapshot.understood ? {} : { phase: 'ready', snapshot: (lastRead ?? read).snapshot });

  let lastKey = '';
  // The organization and rows of the last read sent: an organization switch shows in the top bar
  // first and in the table later (about 1.2 s on the real site), so a read whose organization
  // changed while its rows did not is still the last organization's table, and is not sent.
  let sent: { organization: string | null; id: string | null; rows: string } | null = null;
  const waiting = (message: string): StorageProblem => ({ message, backupKey: '', at: wallClockNow() });
  const read = (): void => {
    if (signal.aborted) return;
    mark('read-start');
    // Rows and organization are read in one pass: the same moment of the page.
    const result = readPageWithAnchors(document, kind, url, wallClockNow(), dates);
    mark('read-done');
    const s = result.snapshot;
    const key = JSON.stringify({ ...s, seenAt: '' });
    if (key === lastKey) return;
    lastKey = key;
    if (!s.understood) return; // Wait for the table; the timer below reports failure.
    // From now on changes to this table and the switcher are read after a quiet moment (a page
    // without a table: any change of it).
    watch.focus([result.table ?? document.body, ...result.organizationElements]);
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
    answered = false;
    const keys = rowKeys(s);
    drawBadges(result, known.notesFor(s, keys), false);
    send(result, keys);
  };

  // While the site loads its table: the first read of it will not be a cold one.
  warmUpReader(document, kind, dates);
  const watch = observePage(read, { signal, debounceMs: REREAD_DEBOUNCE_MS });
  const giveUp = setTimeout(() => {
    if (state.phase !== 'reading' || signal.aborted) return;
    const result = readPageWithAnchors(document, kind, url, wallClockNow(), dates);
    update({ phase: 'unreadable', snapshot: result.snapshot });
    send(result, rowKeys(result.snapshot));
  }, UNREADABLE_AFTER_MS);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(giveUp);
      ui.remove();
      badges.clear();
    },
    { once: true },
  );
  read();
}
