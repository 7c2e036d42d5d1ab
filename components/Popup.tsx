// The toolbar popup: every organization at a glance with its flagged charges (it opens on the one
// that needs attention), then for the one shown: the summary, the alerts, when each page was last
// read, and the actions that produce the evidence (support request in the browser's language or in
// English, CSV, monthly statement, JSON report).
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PAGE_KINDS, pageUrl } from '../lib/dashboard/pages';
import type { Status } from '../lib/messages';
import { ledgerItem } from '../lib/storage-items';
import { flaggedCount } from '../lib/exports/flagged';
import { grantsCsv } from '../lib/exports/grants-csv';
import { supportRequest } from '../lib/exports/support-request';
import { count, pageTitle } from '../lib/exports/wording';
import { AlertList } from './AlertList';
import { ask } from './ask';
import { download } from './download';
import { uiLocale, words, wordsFor } from './format';
import { saidText } from './storage-words';
import { Headline } from './Headline';
import { Holding, UndoList } from './Holding';
import { orgLabel } from './org-label';
import { Reconciliation } from './Reconciliation';
import { ReportNotes } from './ReportNotes';
import { Timeline } from './Timeline';

/** The organizations side by side with their counts; the one shown is pressed. */
function Organizations({ status, choose }: { status: Status; choose: (key: string) => void }) {
  const w = words();
  if (status.glance.length < 2) return null;
  return (
    <nav class="orgs" aria-label={w.t('popup.organizations')}>
      <ul>
        {status.glance.map((o) => (
          <li key={o.key}>
            <button type="button" class={o.flagged ? 'org-button org-bad' : 'org-button'} aria-pressed={o.key === status.current} onClick={() => choose(o.key)}>
              <span class="org-name">{orgLabel(o)}</span>
              <span class="org-count">{o.flagged ? count('count.flagged', o.flagged, w) : w.t('popup.orgClean')}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Popup() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  // The organization picked in the list, kept across refreshes; until then, the one that needs attention.
  const picked = useRef<string | undefined>(undefined);
  const load = (organization = picked.current) =>
    ask('status', organization === undefined ? { attention: true } : { organization }).then(
      (s) => (s.ok ? setStatus(s) : setError(s.error)),
      (e: unknown) => setError(words().t('popup.noAnswer', { error: String(e) })),
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

  const w0 = words();
  if (error)
    return (
      <main class="popup">
        <h1>Credit Lens</h1>
        <p class="cl-warn" role="alert">
          {error}
        </p>
      </main>
    );
  if (!status)
    return (
      <main class="popup">
        <h1>Credit Lens</h1>
        <p class="cl-muted">{w0.t('popup.loading')}</p>
      </main>
    );
  const report = status.report;
  const w = wordsFor(report);
  const flagged = flaggedCount(report);
  const stamp = new Date().toISOString().slice(0, 10);
  const english = /^en\b/.test(uiLocale());

  const copy = (inEnglish: boolean) =>
    report &&
    // Support reads English: in an English browser the one request is the English one the CLI prints too.
    navigator.clipboard.writeText(inEnglish || english ? supportRequest(report) : supportRequest(report, {}, w)).then(
      () => setNotice(w.t(inEnglish && !english ? 'popup.copiedEnglish' : 'popup.copied')),
      () => setNotice(w.t('popup.copyRefused')),
    );
  const statementUrl = `${browser.runtime.getURL('/statement.html')}${status.current !== null ? `?org=${encodeURIComponent(status.current)}` : ''}`;

  return (
    <main class="popup">
      <header class="cl-head">
        <h1 class="cl-title">Credit Lens</h1>
        {status.glance.length < 2 && report?.organization ? <span class="cl-org">{report.organization}</span> : null}
        {flagged > 0 && <span class="cl-count">{count('count.flagged', flagged, w)}</span>}
      </header>
      <Organizations
        status={status}
        choose={(key) => {
          picked.current = key;
          void load();
        }}
      />
      {status.readOnly && (
        <p class="cl-warn" role="alert">
          {saidText(status.readOnly, status.readOnlySaid, w)}
        </p>
      )}
      {status.problem && (
        <div class="cl-warn" role="alert">
          <p>{saidText(status.problem.message, status.problem.said, w)}</p>
          <button type="button" class="cl-button" onClick={() => void ask('dismiss-problem').then(() => load(status.current ?? undefined))}>
            {w.t('popup.dismiss')}
          </button>
        </div>
      )}
      {refused && (
        <p class="cl-warn" role="alert">
          {refused}
        </p>
      )}
      <Holding held={status.held} onChange={after} />
      {!report && !status.held.length && <p>{w.t('popup.nothingRead')}</p>}
      {report && (
        <>
          <Headline report={report} />
          <section aria-label={w.t('popup.actions')} class="actions">
            <button type="button" class="cl-button primary" onClick={() => void copy(false)}>
              {w.t('popup.copySupport')}
            </button>
            {!english && (
              <button type="button" class="cl-button" lang="en" onClick={() => void copy(true)}>
                {w.t('popup.copySupportEnglish')}
              </button>
            )}
            <a class="cl-button" href={statementUrl} target="_blank" rel="noreferrer">
              {w.t('popup.statement')}
            </a>
            <button type="button" class="cl-button" onClick={() => download(`credit-lens-grants-${stamp}.csv`, grantsCsv(report), 'text/csv')}>
              {w.t('popup.downloadCsv')}
            </button>
            <button type="button" class="cl-button" onClick={() => download(`credit-lens-report-${stamp}.json`, `${JSON.stringify(report, null, 2)}\n`, 'application/json')}>
              {w.t('popup.downloadJson')}
            </button>
          </section>
          {notice && (
            <p class="cl-ok" role="status">
              {notice}
            </p>
          )}
          <h2>{w.t('popup.alerts')}</h2>
          <AlertList
            alerts={report.alerts}
            initial={3}
            report={report}
            linkTarget="_blank"
            onClear={(invoice) => void ask('clear-charge', { invoice, cleared: true }).then(() => load(status.current ?? undefined))}
          />
          <h2>{w.t('popup.money')}</h2>
          <Reconciliation report={report} />
          <Timeline report={report} width={420} />
          <ReportNotes report={report} />
        </>
      )}
      <h2>{w.t('popup.pages')}</h2>
      <table class="pages">
        <tbody>
          {PAGE_KINDS.map((kind) => {
            const seen = status.pages[kind];
            return (
              <tr key={kind} data-page={kind}>
                <th scope="row">
                  <a href={pageUrl(kind)} target="_blank" rel="noreferrer">
                    {pageTitle(kind, w)}
                  </a>
                </th>
                <td>
                  {seen ? (seen.understood ? w.t('popup.readAt', { at: w.wall(seen.seenAt) }) : w.t('popup.unreadAt', { at: w.wall(seen.seenAt) })) : w.t('popup.notRead')}
                  {status.current !== null && status.forgettable.includes(kind) && (
                    <>
                      {' '}
                      <button
                        type="button"
                        class="cl-link"
                        aria-label={w.t('popup.forgetLabel', { page: pageTitle(kind, w) })}
                        onClick={() => void ask('forget', { organization: status.current!, page: kind }).then((r) => after(r.ok ? undefined : r.error))}
                      >
                        {w.t('popup.forget')}
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
          {w.t('popup.settings')}
        </a>
        <span class="cl-muted"> · {w.t('popup.private')}</span>
      </p>
    </main>
  );
}
