// What the analysis could not check or count, made from the report's note codes, and how many
// things each page read could not read (the page being shown lists its own separately).
import { PAGE_KINDS } from '../lib/dashboard/pages/kinds';
import type { Report } from '../lib/report-schema';
import { count, noteText, pageTitle } from '../lib/exports/wording';
import { wordsFor } from './format';

export function ReportNotes({ report, except }: { report: Report; except?: string }) {
  const w = wordsFor(report);
  const notes = report.notes.map((n) => noteText(n, w));
  const pages = report.sources
    .filter((s) => s.warnings.length && s.page !== except && (PAGE_KINDS as readonly string[]).includes(s.page))
    .map((s) => w.t('note.pageWarnings', { page: pageTitle(s.page as (typeof PAGE_KINDS)[number], w), things: count('count.things', s.warnings.length, w) }));
  const all = [...notes, ...pages];
  if (!all.length) return null;
  return (
    <details class="cl-warnings cl-notes">
      <summary>{w.t('note.summary', { notes: count('count.notes', all.length, w) })}</summary>
      <ul>
        {all.slice(0, 50).map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </details>
  );
}
