// The panel injected at the top of a billing page (inside a Shadow DOM): what this page means,
// the alerts with their evidence, the reconciliation and timeline, and what is still missing.
import type { PageKind } from '../lib/dashboard/pages';
import type { Snapshot } from '../lib/dashboard/snapshot';
import type { StorageProblem } from '../lib/messages';
import type { Report } from '../lib/report-schema';
import { explanationText } from '../lib/exports/wording';
import { AlertList } from './AlertList';
import { plural, UI } from './format';
import { Headline } from './Headline';
import { PAGE_TITLES } from '../lib/dashboard/pages';
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
  const critical = report?.alerts.filter((a) => a.severity === 'critical').length ?? 0;
  const seen = new Set<PageKind>(report?.pagesRead ?? []);
  return (
    <section class="cl-panel" aria-label="Credit Lens" data-critical={critical > 0 ? 'true' : 'false'}>
      <header class="cl-head">
        <span class="cl-logo" aria-hidden="true">
          ◎
        </span>
        <h2 class="cl-title">
          Credit Lens · {PAGE_TITLES[state.kind]}
          {report?.organization ? <span class="cl-org"> · {report.organization}</span> : null}
        </h2>
        {critical > 0 && <span class="cl-count">{plural(critical, 'critical alert')}</span>}
        <button type="button" class="cl-toggle" aria-expanded={!state.collapsed} onClick={actions.toggle}>
          {state.collapsed ? 'Show' : 'Hide'}
        </button>
      </header>
      {!state.collapsed && (
        <div class="cl-body">
          {state.problem && (
            <p class="cl-warn" role="alert">
              {state.problem.message}
            </p>
          )}
          {state.phase === 'reading' && <p class="cl-muted">Reading this page…</p>}
          {state.phase === 'unreadable' && (
            <div class="cl-warn" role="alert">
              <p>
                Credit Lens could not find the {PAGE_TITLES[state.kind].toLowerCase()} data on this page. The site may have changed its layout;
                nothing was recorded from it.
              </p>
              <button type="button" class="cl-button" onClick={actions.copyOutline}>
                {state.outlineCopied ? 'Outline copied' : 'Copy page outline for a bug report'}
              </button>
              <p class="cl-muted">The outline holds only tags, roles and column names: no amounts, numbers or names.</p>
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
                  <summary>Why the billing pages do not add up</summary>
                  <ul>
                    {report.explanationFacts.map((e, i) => (
                      <li key={i}>{explanationText(e, UI)}</li>
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
              <summary>{plural(snapshot.warnings.length, 'thing')} on this page could not be read</summary>
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
