// Options: alert thresholds, the auto-recharge threshold to use when the overview page was not
// read, and the data itself: export, import (merged, never overwriting), delete.
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../lib/analysis/settings';
import { decimal, parseMoney } from '../lib/dashboard/money';
import type { ExportAnswer, ImportAnswer, Status, StatusAnswer } from '../lib/messages';
import { ask } from './ask';
import { download } from './download';
import { plural } from './format';


type Draft = Record<'rapidCount' | 'rapidWindowHours' | 'rapidShortCount' | 'rapidShortWindowMinutes' | 'expiringDays' | 'threshold', string>;

function draftOf(s: Settings): Draft {
  return {
    rapidCount: String(s.rapidCount),
    rapidWindowHours: String(s.rapidWindowMinutes / 60),
    rapidShortCount: String(s.rapidShortCount),
    rapidShortWindowMinutes: String(s.rapidShortWindowMinutes),
    expiringDays: String(s.expiringDays),
    threshold: s.thresholdCents === null ? '' : decimal(s.thresholdCents),
  };
}

export function Options() {
  const [status, setStatus] = useState<Status | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'warn'; text: string } | null>(null);
  const load = () =>
    ask<StatusAnswer>({ type: 'status' }).then((s) => {
      if (!s.ok) return setMessage({ tone: 'warn', text: s.error });
      setStatus(s);
      setDraft(draftOf(s.settings));
    });
  useEffect(() => void load(), []);
  if (!status || !draft) return <main class="options">Loading…</main>;

  const field = (key: keyof Draft, label: string, hint?: string) => (
    <label class="field">
      <span>
        {label}
        {hint && <span class="cl-muted"> {hint}</span>}
      </span>
      <input inputMode="decimal" value={draft[key]} onInput={(e) => setDraft({ ...draft, [key]: (e.target as HTMLInputElement).value })} />
    </label>
  );

  const save = async (e: Event) => {
    e.preventDefault();
    const int = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);
    const hours = Number(draft.rapidWindowHours.trim());
    const threshold = draft.threshold.trim() === '' ? null : parseMoney(draft.threshold.trim().startsWith('$') ? draft.threshold.trim() : `$${draft.threshold.trim()}`);
    if (threshold && threshold.cents < 0) return setMessage({ tone: 'warn', text: 'The threshold cannot be negative.' });
    if (draft.threshold.trim() !== '' && !threshold) return setMessage({ tone: 'warn', text: 'The threshold should be an amount in dollars, like 5 or 5.00.' });
    const settings = {
      rapidCount: int(draft.rapidCount),
      rapidWindowMinutes: Number.isFinite(hours) ? Math.round(hours * 60) : NaN,
      rapidShortCount: int(draft.rapidShortCount),
      rapidShortWindowMinutes: int(draft.rapidShortWindowMinutes),
      expiringDays: int(draft.expiringDays),
      thresholdCents: threshold ? threshold.cents : null,
    };
    const r = await ask<{ ok: boolean; error?: string }>({ type: 'settings', settings });
    setMessage(r.ok ? { tone: 'ok', text: 'Saved.' } : { tone: 'warn', text: `Not saved: ${r.error ?? 'a value is out of range'}.` });
    if (r.ok) await load();
  };

  const exportData = async () => {
    const r = await ask<ExportAnswer>({ type: 'export' });
    if (r.ok) download(r.filename, r.text, 'application/json');
    else setMessage({ tone: 'warn', text: r.error });
  };

  const importData = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 50_000_000) return setMessage({ tone: 'warn', text: 'That file is too large to be a Credit Lens export.' });
    const r = await ask<ImportAnswer>({ type: 'import', text: await file.text() });
    setMessage(
      r.ok
        ? { tone: 'ok', text: `Imported and merged: ${plural(r.added.grants, 'new grant')}, ${plural(r.added.invoices, 'new invoice')}, ${plural(r.added.organizations, 'new organization')}. Nothing was overwritten.` }
        : { tone: 'warn', text: `Not imported: ${r.error}` },
    );
    await load();
  };

  const remove = async (organization?: string) => {
    const what = organization === undefined ? 'all Credit Lens data in this browser' : `the data of "${status.organizations.find((o) => o.key === organization)?.name ?? 'the unnamed organization'}"`;
    if (!confirm(`Delete ${what}? Export it first if you may need it. This cannot be undone.`)) return;
    await ask({ type: 'delete', organization });
    setMessage({ tone: 'ok', text: 'Deleted.' });
    await load();
  };

  return (
    <main class="options">
      <h1>Credit Lens settings</h1>
      {message && (
        <p class={message.tone === 'ok' ? 'cl-ok' : 'cl-warn'} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <form onSubmit={(e) => void save(e)}>
        <fieldset>
          <legend>Rapid recharge alert</legend>
          {field('rapidCount', 'Charges', '(at least)')}
          {field('rapidWindowHours', 'within hours')}
          {field('rapidShortCount', 'or charges')}
          {field('rapidShortWindowMinutes', 'within minutes')}
        </fieldset>
        <fieldset>
          <legend>Other alerts</legend>
          {field('expiringDays', 'Warn about credit expiring within days')}
          {field('threshold', 'Auto-recharge threshold in dollars', '(used when the billing overview was not read)')}
        </fieldset>
        <button type="submit" class="cl-button primary">
          Save settings
        </button>
      </form>
      <fieldset style={{ marginTop: '16px' }}>
        <legend>Your data</legend>
        <p class="cl-muted">Everything Credit Lens knows is stored in this browser only. Export it to keep a copy or move it; importing merges a copy in.</p>
        <div class="row">
          <button type="button" class="cl-button" onClick={() => void exportData()}>
            Export data
          </button>
          <label class="cl-button">
            Import data…
            <input type="file" accept="application/json,.json" onChange={(e) => void importData(e)} style={{ display: 'none' }} />
          </label>
        </div>
        <div class="row" style={{ marginTop: '10px' }}>
          {status.organizations.map((o) => (
            <button key={o.key} type="button" class="cl-button danger" onClick={() => void remove(o.key)}>
              Delete “{o.name ?? 'unnamed'}”
            </button>
          ))}
          <button type="button" class="cl-button danger" onClick={() => void remove()}>
            Delete all data
          </button>
        </div>
      </fieldset>
    </main>
  );
}
