// The monthly statement on its own page: paid, tax, credit bought, refunded, flagged charges and
// credit expired per month (the contract's `statement` columns, lib/exports/statement.ts), in the
// browser's language and the account's currency; printable (a print stylesheet, so the print
// dialog's "Save as PDF" gives a clean file) and downloadable as the contract's CSV.
import { useEffect, useState } from 'preact/hooks';
import type { Status } from '../lib/messages';
import { accountCurrency } from '../lib/exports/currency';
import { monthlyStatement, statementMonths } from '../lib/exports/statement';
import { pageName, pagesMissing, type Words } from '../lib/exports/wording';
import type { Report } from '../lib/report-schema';
import { wallClockNow } from '../lib/wall-clock';
import { ask } from './ask';
import { download } from './download';
import { monthName, words, wordsFor } from './format';

type Month = ReturnType<typeof statementMonths> extends Map<string, infer M> ? M : never;

const COLUMNS = [
  ['invoices', 'statement.invoices'],
  ['paid', 'statement.paid'],
  ['tax', 'statement.tax'],
  ['creditBought', 'statement.creditBought'],
  ['refunded', 'statement.refunded'],
  ['flaggedCharges', 'statement.flaggedCharges'],
  ['flaggedAmount', 'statement.flaggedAmount'],
  ['creditExpired', 'statement.creditExpired'],
] as const;

function cell(key: (typeof COLUMNS)[number][0], m: Month, w: Words): string {
  return key === 'invoices' || key === 'flaggedCharges' ? w.number(m[key]) : w.money(m[key]);
}

function Row({ label, m, w }: { label: string; m: Month; w: Words }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {COLUMNS.map(([key, label]) => (
        <td key={key} data-label={w.t(label)} class={(key === 'flaggedCharges' || key === 'flaggedAmount') && m[key] > 0 ? 'flagged' : undefined}>
          {cell(key, m, w)}
        </td>
      ))}
    </tr>
  );
}

export function StatementTable({ report }: { report: Report }) {
  const w = wordsFor(report);
  const months = [...statementMonths(report)];
  if (!months.length) return <p class="cl-muted">{w.t('statement.empty')}</p>;
  const total = Object.fromEntries(COLUMNS.map(([k]) => [k, months.reduce((s, [, m]) => s + m[k], 0)])) as unknown as Month;
  return (
    // Focusable, so a keyboard can scroll it when it is wider than the page.
    <div class="table-wrap" tabIndex={0} role="region" aria-label={w.t('statement.title')}>
      <table class="months">
        <thead>
          <tr>
            <th scope="col">{w.t('statement.month')}</th>
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col">
                {w.t(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map(([month, m]) => (
            <Row key={month} label={monthName(month)} m={m} w={w} />
          ))}
        </tbody>
        <tfoot>
          <Row label={w.t('statement.total')} m={total} w={w} />
        </tfoot>
      </table>
    </div>
  );
}

export function Statement({ organization }: { organization?: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ask('status', { organization }).then(
      (s) => (s.ok ? setStatus(s) : setError(s.error)),
      (e: unknown) => setError(words().t('popup.noAnswer', { error: String(e) })),
    );
  }, [organization]);
  const w0 = words();
  useEffect(() => {
    const org = status?.report?.organization;
    document.title = org ? `${w0.t('statement.of', { org })} · Credit Lens` : `${w0.t('statement.title')} · Credit Lens`;
  }, [status]);
  if (error)
    return (
      <main class="statement">
        <p class="cl-warn" role="alert">
          {error}
        </p>
      </main>
    );
  if (!status) return <main class="statement">{w0.t('popup.loading')}</main>;
  const report = status.report;
  if (!report)
    return (
      <main class="statement">
        <h1>{w0.t('statement.title')}</h1>
        <p>{w0.t('statement.empty')}</p>
      </main>
    );
  const w = wordsFor(report);
  const missing = pagesMissing(report);
  const today = wallClockNow().slice(0, 10);
  return (
    <main class="statement">
      <h1>{report.organization ? w.t('statement.of', { org: report.organization }) : w.t('statement.title')}</h1>
      <p>{w.t('statement.intro', { currency: accountCurrency(report) })}</p>
      <div class="actions no-print">
        <button type="button" class="cl-button primary" onClick={() => window.print()}>
          {w.t('statement.print')}
        </button>
        <button type="button" class="cl-button" onClick={() => download(`credit-lens-statement-${today}.csv`, monthlyStatement(report), 'text/csv')}>
          {w.t('statement.downloadCsv')}
        </button>
      </div>
      <StatementTable report={report} />
      <p class="fine">{w.t('statement.flaggedNote')}</p>
      {missing.length > 0 && <p class="cl-warn">{w.t('statement.notRead', { pages: missing.map((p) => pageName(p, w)).join(', ') })}</p>}
      <p class="fine">
        {w.join([w.t('statement.compiled', { day: w.day(today), pages: report.pagesRead.map((p) => pageName(p, w)).join(', ') || '—' }), w.t('time.clockNote')])}
      </p>
    </main>
  );
}
