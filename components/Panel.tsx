// The panel injected at the top of a billing page (inside a Shadow DOM).
import { useState } from 'preact/hooks';
import type { PageKind } from '../lib/dashboard/routes';
import type { Snapshot } from '../lib/dashboard/snapshot';
import { PAGE_TITLES } from './page-titles';

export interface PanelState {
  kind: PageKind;
  phase: 'reading' | 'ready' | 'unreadable';
  snapshot: Snapshot | null;
  error: string | null;
}

function summary(snapshot: Snapshot): string {
  const parts: string[] = [];
  if (snapshot.grants.length) parts.push(`${snapshot.grants.length} credit grants`);
  if (snapshot.invoices.length) parts.push(`${snapshot.invoices.length} invoices`);
  if (snapshot.overview) parts.push('the credit balance and auto-recharge setting');
  if (snapshot.usage) parts.push('the usage total');
  return parts.length ? `Read ${parts.join(', ')}.` : 'Nothing to read on this page yet.';
}

export function Panel({ state }: { state: PanelState }) {
  const [open, setOpen] = useState(true);
  const { snapshot } = state;
  return (
    <section class="cl-panel" aria-label="Credit Lens">
      <header class="cl-head">
        <span class="cl-logo" aria-hidden="true">◎</span>
        <h2 class="cl-title">Credit Lens · {PAGE_TITLES[state.kind]}</h2>
        <button type="button" class="cl-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
        </button>
      </header>
      {open && (
        <div class="cl-body">
          {state.phase === 'reading' && <p class="cl-muted">Reading this page…</p>}
          {state.phase === 'ready' && snapshot && <p>{summary(snapshot)}</p>}
          {state.phase === 'unreadable' && (
            <p class="cl-warn" role="alert">
              Credit Lens could not find the {PAGE_TITLES[state.kind].toLowerCase()} data on this page. The site may
              have changed its layout; nothing was recorded from it.
            </p>
          )}
          {snapshot && snapshot.warnings.length > 0 && (
            <details class="cl-warnings">
              <summary>{snapshot.warnings.length} things could not be read</summary>
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
