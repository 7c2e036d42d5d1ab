// The alerts, most severe first, each with its evidence in words a support agent understands.
import { useState } from 'preact/hooks';
import type { Alert } from '../lib/report-schema';

const TITLES: Record<Alert['kind'], string> = {
  'rapid-recharge': 'Rapid repeated recharges',
  'recharge-above-threshold': 'Charged while above the threshold',
  'credits-accumulating': 'Unused credit keeps growing',
  'usage-mismatch': 'Usage and credit disagree',
  'credits-expiring': 'Credit expiring soon',
  'unmatched-charge': 'Payment with no credit seen',
};

export function AlertList({ alerts, initial = 4 }: { alerts: Alert[]; initial?: number }) {
  const [all, setAll] = useState(false);
  if (!alerts.length) return <p class="cl-ok">No alerts: nothing here looks wrong.</p>;
  const shown = all ? alerts : alerts.slice(0, initial);
  return (
    <div>
      <ul class="cl-alerts" aria-label="Alerts">
        {shown.map((a, i) => (
          <li key={i} class={`cl-alert cl-${a.severity}`}>
            <span class="cl-sev">{a.severity}</span>
            <strong class="cl-alert-title">{TITLES[a.kind]}</strong>
            <p class="cl-alert-msg">{a.message}</p>
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
