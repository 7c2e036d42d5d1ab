// What the analysis could not check or count, made from the report's note codes, and how many
// things each page read could not read (the page being shown lists its own separately).
import { PAGE_KINDS } from '../lib/dashboard/pages/kinds';
import type { Report } from '../lib/report-schema';
import { noteText } from '../lib/exports/wording';
import { plural, UI } from './format';
import { PAGE_TITLES } from '../lib/dashboard/pages';

export function ReportNotes({ report, except }: { report: Report; except?: string }) {
  const notes = report.notes.map((n) => noteText(n, UI));
  const pages = report.sources
    .filter((s) => s.warnings.length && s.page !== except && (PAGE_KINDS as readonly string[]).includes(s.page))
    .map((s) => `${PAGE_TITLES[s.page as (typeof PAGE_KINDS)[number]]}: ${plural(s.warnings.length, 'thing')} could not be read (open the page to see which).`);
  const all = [...notes, ...pages];
  if (!all.length) return null;
  return (
    <details class="cl-warnings cl-notes">
      <summary>{plural(all.length, 'note')} on what could not be checked</summary>
      <ul>
        {all.slice(0, 50).map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}
