// What the analysis could not check or count, in plain sentences (page-level read problems are
// listed by the panel separately).
import type { Report } from '../lib/report-schema';
import { plural } from './format';

export function ReportNotes({ report, except = [] }: { report: Report; except?: readonly string[] }) {
  const shown = new Set(except);
  const notes = report.warnings.filter((w) => !shown.has(w) && !/^.+ row \d+ \(/.test(w));
  if (!notes.length) return null;
  return (
    <details class="cl-warnings cl-notes">
      <summary>{plural(notes.length, 'note')} on what could not be checked</summary>
      <ul>
        {notes.slice(0, 50).map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}
