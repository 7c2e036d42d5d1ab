// The alerts, most severe first, each with its evidence in words a support agent understands.
// The words come from the alert's facts (lib/exports/wording.ts), in the browser's formats.
import { useState } from 'preact/hooks';
import type { Alert, Report } from '../lib/report-schema';
import { ALERT_TITLES, alertMessage, noAlertsText } from '../lib/exports/wording';
import { UI } from './format';

/** `report`, when given, lets an empty list say which pages are not read yet (never a green "nothing wrong" then). */
export function AlertList({ alerts, initial = 4, report = null }: { alerts: Alert[]; initial?: number; report?: Report | null }) {
  const [all, setAll] = useState(false);
  if (!alerts.length) {
    const empty = noAlertsText(report);
    return <p class={empty.tone === 'ok' ? 'cl-ok' : 'cl-muted'}>{empty.text}</p>;
  }
  const shown = all ? alerts : alerts.slice(0, initial);
  return (
    <div>
      <ul class="cl-alerts" aria-label="Alerts">
        {shown.map((a, i) => (
          <li key={i} class={`cl-alert cl-${a.severity}`}>
            <span class="cl-sev">{a.severity}</span>
            <strong class="cl-alert-title">{ALERT_TITLES[a.facts.code]}</strong>
            <p class="cl-alert-msg">{alertMessage(a.facts, a.invoices, UI)}</p>
          </li>
        ))}
      </ul>
      {alerts.length > initial && (
        <button type="button" class="cl-link" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer alerts' : `Show all ${alerts.length} alerts`}
        </button>
      )}
    </div>
  );
}
