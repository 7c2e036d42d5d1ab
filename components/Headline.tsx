// The one sentence a person reads first: what is wrong, or what is still needed to know. Green
// only when every page the check needs was read and nothing was found.
import type { Report } from '../lib/report-schema';
import { headline } from '../lib/exports/wording';
import { wordsFor } from './format';

const TONE_CLASS = { bad: 'cl-headline cl-headline-bad', ok: 'cl-headline cl-ok', muted: 'cl-headline' } as const;

/** `seen` is accepted for older callers; what was read comes from the report itself. */
export function Headline({ report }: { report: Report; seen?: ReadonlySet<string> }) {
  const h = headline(report, wordsFor(report));
  return <p class={TONE_CLASS[h.tone]}>{h.text}</p>;
}
