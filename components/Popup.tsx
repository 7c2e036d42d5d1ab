// The toolbar popup: per organization, the summary, the alerts, when each page was last read,
// and the actions that produce the evidence (support request, CSV, JSON report).
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PAGE_KINDS, pageUrl, PAGE_TITLES } from '../lib/dashboard/pages';
import type { Status } from '../lib/messages';
import { ledgerItem } from '../lib/storage-items';
import { grantsCsv } from '../lib/exports/grants-csv';
import { supportRequest } from '../lib/exports/support-request';
import { AlertList } from './AlertList';
import { ask } from './ask';
import { download } from './download';
import { plural, wall } from './format';
import { Headline } from './Headline';
import { Holding, UndoList } from './Holding';
import { orgLabel } from './org-label';
import { Reconciliation } from './Reconciliation';
import { ReportNotes } from './ReportNotes';
import { Timeline } from './Timeline';


export function Popup() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  // The organization picked in the switcher, kept across refreshes.
  const picked = useRef<string | undefined>(undefined);
  const load = (organization = picked.current) =>
    ask('status', { organization }).then(
      (s) => (s.ok ? setStatus(s) : setError(s.error)),
      (e: unknown) => setError(`No answer from the extension: ${String(e)}`),
    );
  /** After an action: show its error, if any, and what it changed. */
  const after = (problem?: string) => {
    setRefused(problem ?? null);
    void load();
  };
  useEffect(() => {
    void load();
    // Stay current while a billing page is read with the popup open.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unwatch = ledgerItem.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 200);
    });
    return () => {
      clearTimeout(timer);
      unwatch();
    };
  }, []);

  if (error) return <main class="popup"><h1>Credit Lens</h1><p class="cl-warn" role="alert">{error}</p></main>;
  if (!status) return <main class="popup"><h1>Credit Lens</h1><p class="cl-muted">Loading…</p></main>;
  const report = status.report;
  const critical = report?.alerts.filter((a) => a.severity === 'critical').length ?? 0;
  const stamp = new Date().toISOString().slice(0, 10);

  const copy = () =>
    report &&
    navigator.clipboard.writeText(supportRequest(report)).then(
      () => setNotice('Support request copied: paste it into a message to OpenAI support.'),
      () => setNotice('The browser did not allow copying.'),
    );

  return (
    <main class="popup">
      <header class="cl-head">
        <h1 class="cl-title">Credit Lens</h1>
        {status.organizations.length > 1 ? (
          <label class="org">
            <span class="cl-muted">Organization </span>
            <select
              value={status.current ?? ''}
              onChange={(e) => {
                picked.current = (e.target as HTMLSelectElement).value;
                void load();
              }}
            >
              {status.organizations.map((o) => (
                <option key={o.key} value={o.key}>
                  {orgLabel(o)}
                </option>
              ))}
            </select>
          </label>
        ) : report?.organization ? (
          <span class="cl-org">{report.organization}</span>
        ) : null}
        {critical > 0 && <span class="cl-count">{plural(critical, 'critical alert')}</span>}
      </header>
      {status.readOnly && (
        <p class="cl-warn" role="alert">
          {status.readOnly}
        </p>
      )}
      {status.problem && (
        <div class="cl-warn" role="alert">
          <p>{status.problem.message}</p>
          <button type="button" class="cl-button" onClick={() => void ask('dismiss-problem').then(() => load(status.current ?? undefined))}>
            Dismiss
          </button>
        </div>
      )}
      {refused && (
        <p class="cl-warn" role="alert">
          {refused}
        </p>
      )}
      <Holding held={status.held} onChange={after} />
      {!report && !status.held.length && (
        <p>
          Nothing read yet. Open your billing pages on platform.openai.com while signed in: Credit Lens reads them where you are and keeps what it
          learns in this browser only.
        </p>
      )}
      {report && (
        <>
          <Headline report={report} seen={new Set(Object.keys(status.pages))} />
          <section aria-label="Actions" class="actions">
            <button type="button" class="cl-button primary" onClick={() => void copy()}>
              Copy support request
            </button>
            <button type="button" class="cl-button" onClick={() => download(`credit-lens-grants-${stamp}.csv`, grantsCsv(report), 'text/csv')}>
              Download CSV
            </button>
            <button type="button" class="cl-button" onClick={() => download(`credit-lens-report-${stamp}.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json')}>
              Download report (JSON)
            </button>
          </section>
          {notice && (
            <p class="cl-ok" role="status">
              {notice}
            </p>
          )}
          <h2>Alerts</h2>
          <AlertList alerts={report.alerts} initial={3} />
          <h2>Where the money went</h2>
          <Reconciliation report={report} />
          <Timeline report={report} width={420} />
          <ReportNotes report={report} />
        </>
      )}
      <h2>Billing pages</h2>
      <table class="pages">
        <tbody>
          {PAGE_KINDS.map((kind) => {
            const seen = status.pages[kind];
            return (
              <tr key={kind} data-page={kind}>
                <th scope="row">
                  <a href={pageUrl(kind)} target="_blank" rel="noreferrer">
                    {PAGE_TITLES[kind]}
                  </a>
                </th>
                <td>
                  {seen ? (seen.understood ? `read ${wall(seen.seenAt)}` : `could not be read (${wall(seen.seenAt)})`) : 'not read yet'}
                  {status.current !== null && status.forgettable.includes(kind) && (
                    <>
                      {' '}
                      <button
                        type="button"
                        class="cl-link"
                        aria-label={`Forget what ${PAGE_TITLES[kind]} read`}
                        onClick={() => void ask('forget', { organization: status.current!, page: kind }).then((r) => after(r.ok ? undefined : r.error))}
                      >
                        Forget
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <UndoList undo={status.undo} onChange={after} />
      <p class="foot">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Settings and data
        </a>
        <span class="cl-muted"> · Nothing leaves your browser.</span>
      </p>
    </main>
  );
}
