// The panel injected at the top of a billing page (inside a Shadow DOM): what this page means,
// the alerts with their evidence, the reconciliation and timeline, and what is still missing.
import type { PageKind } from '../lib/dashboard/pages';
import type { Snapshot } from '../lib/dashboard/snapshot';
import type { StorageProblem } from '../lib/messages';
import type { Report } from '../lib/report-schema';
import { flaggedCount } from '../lib/exports/flagged';
import { count, explanationText, pageTitle } from '../lib/exports/wording';
import { AlertList } from './AlertList';
import { wordsFor } from './format';
import { saidText } from './storage-words';
import { Headline } from './Headline';
import { PagesNeeded } from './PagesNeeded';
import { Reconciliation } from './Reconciliation';
import { ReportNotes } from './ReportNotes';
import { Timeline } from './Timeline';

export interface PanelState {
  kind: PageKind;
  phase: 'reading' | 'ready' | 'unreadable';
  snapshot: Snapshot | null;
  report: Report | null;
  problem: StorageProblem | null;
  error: string | null;
  collapsed: boolean;
  outlineCopied: boolean;
}

export interface PanelActions {
  toggle(): void;
  copyOutline(): void;
}

export function Panel({ state, actions }: { state: PanelState; actions: PanelActions }) {
  const { snapshot, report } = state;
  const w = wordsFor(report);
  // The one count of pill, headline, toolbar badge and popup: the charges a critical alert proves.
  const flagged = flaggedCount(report);
  const critical = report?.alerts.some((a) => a.severity === 'critical') ?? false;
  const seen = new Set<PageKind>(report?.pagesRead ?? []);
  return (
    <section class="cl-panel" aria-label="Credit Lens" data-page={state.kind} data-critical={critical ? 'true' : 'false'}>
      <header class="cl-head">
        <span class="cl-logo" aria-hidden="true">
          ◎
        </span>
        <h2 class="cl-title">
          Credit Lens · {pageTitle(state.kind, w)}
          {report?.organization ? <span class="cl-org"> · {report.organization}</span> : null}
        </h2>
        {flagged > 0 && <span class="cl-count">{count('count.flagged', flagged, w)}</span>}
        <button type="button" class="cl-toggle" aria-expanded={!state.collapsed} onClick={actions.toggle}>
          {state.collapsed ? w.t('panel.show') : w.t('panel.hide')}
        </button>
      </header>
      {!state.collapsed && (
        <div class="cl-body">
          {state.problem && (
            <p class="cl-warn" role="alert">
              {saidText(state.problem.message, state.problem.said, w)}
            </p>
          )}
          {state.phase === 'reading' && <p class="cl-muted">{w.t('panel.reading')}</p>}
          {state.phase === 'unreadable' && (
            <div class="cl-warn" role="alert">
              <p>{w.t('panel.unreadable', { page: pageTitle(state.kind, w) })}</p>
              <button type="button" class="cl-button" onClick={actions.copyOutline}>
                {state.outlineCopied ? w.t('panel.outlineCopied') : w.t('panel.copyOutline')}
              </button>
              <p class="cl-muted">{w.t('panel.outlineHint')}</p>
            </div>
          )}
          {report && (
            <>
              <Headline report={report} />
              <div class="cl-grid">
                <div class="cl-col">
                  <AlertList alerts={report.alerts} initial={2} report={report} />
                </div>
                <div class="cl-col cl-col-side">
                  <Reconciliation report={report} />
                </div>
              </div>
              <Timeline report={report} />
              {report.explanationFacts.length > 0 && (
                <details class="cl-why">
                  <summary>{w.t('explain.title')}</summary>
                  <ul>
                    {report.explanationFacts.map((e, i) => (
                      <li key={i}>{explanationText(e, w)}</li>
                    ))}
                  </ul>
                </details>
              )}
              <PagesNeeded seen={seen} current={state.kind} />
              <ReportNotes report={report} except={state.kind} />
            </>
          )}
          {snapshot && snapshot.warnings.length > 0 && (
            <details class="cl-warnings cl-page-warnings">
              <summary>{w.t('panel.pageWarnings', { things: count('count.things', snapshot.warnings.length, w) })}</summary>
              <ul>
                {snapshot.warnings.slice(0, 50).map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </details>
          )}
          {state.error && (
            <p class="cl-warn" role="alert">
              {state.error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
