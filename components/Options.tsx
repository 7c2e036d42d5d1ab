// Options: alert thresholds, the auto-recharge threshold to use when the overview page was not
// read, and the data itself: export, import (shown before it is merged, never overwriting),
// undo, delete, and the way out when stored data is damaged or from a newer version. The data
// section works whatever state storage is in, even when the settings cannot be loaded.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../lib/analysis/settings';
import { decimal, parseMoney } from '../lib/dashboard/money';
import { tooLarge } from '../lib/ledger/keys';
import type { ImportPreview } from '../lib/ledger/transfer';
import type { Status } from '../lib/messages';
import { ask } from './ask';
import { download } from './download';
import { plural } from './format';
import { Holding, UndoList } from './Holding';
import { orgLabel } from './org-label';

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

type Message = { tone: 'ok' | 'warn'; text: string };

/** What an import will add, before the user confirms it. */
function PreviewOf({ preview }: { preview: ImportPreview }) {
  return (
    <ul>
      {preview.organizations.map((o) => (
        <li key={o.key}>
          “{o.name ?? o.key}”{o.isNew ? ' (new organization)' : ''}: {plural(o.grants, 'new grant')}, {plural(o.invoices, 'new invoice')}
          {o.note ? <span class="cl-muted"> — {o.note}</span> : null}
        </li>
      ))}
      {preview.held.map((h) => (
        <li key={h.id}>
          {plural(h.grants, 'grant')} and {plural(h.invoices, 'invoice')} to assign: {h.reason}
        </li>
      ))}
    </ul>
  );
}

export function Options() {
  const [status, setStatus] = useState<Status | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<{ token: string; name: string; preview: ImportPreview; summary: string } | null>(null);
  const [loaded, setLoaded] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const load = () =>
    ask('status', {}).then(
      (s) => {
        setLoaded(true);
        if (!s.ok) return setMessage({ tone: 'warn', text: s.error });
        setStatus(s);
        setDraft(draftOf(s.settings));
      },
      (e: unknown) => {
        setLoaded(true);
        setMessage({ tone: 'warn', text: `No answer from the extension: ${String(e)}` });
      },
    );
  useEffect(() => void load(), []);
  if (!loaded) return <main class="options">Loading…</main>;

  const field = (key: keyof Draft, label: string, hint?: string) =>
    draft && (
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
    if (!draft) return;
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
    const r = await ask('settings', { settings });
    setMessage(r.ok ? { tone: 'ok', text: 'Saved.' } : { tone: 'warn', text: `Not saved: ${r.error || 'a value is out of range'}.` });
    if (r.ok) await load();
  };

  const exportData = async (type: 'export' | 'export-damaged') => {
    const r = await ask(type);
    if (r.ok) download(r.filename, r.text, 'application/json');
    else setMessage({ tone: 'warn', text: r.error });
  };

  const chooseFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const big = tooLarge(file.size);
    if (big) return setMessage({ tone: 'warn', text: `Not imported: ${big}` });
    setMessage({ tone: 'ok', text: `Reading ${file.name}…` });
    const r = await ask('import-preview', { text: await file.text() });
    if (!r.ok) return setMessage({ tone: 'warn', text: `Not imported: ${r.error}` });
    setMessage(null);
    setPending({ token: r.token, name: file.name, preview: r.preview, summary: r.summary });
  };

  const confirmImport = async () => {
    if (!pending) return;
    const r = await ask('import-confirm', { token: pending.token });
    setPending(null);
    setMessage(r.ok ? { tone: 'ok', text: `Imported and merged: ${r.summary}. Nothing was overwritten.` } : { tone: 'warn', text: `Not imported: ${r.error}` });
    await load();
  };

  const cancelImport = async () => {
    if (pending) await ask('import-cancel', { token: pending.token });
    setPending(null);
    setMessage({ tone: 'ok', text: 'Import cancelled: nothing was changed.' });
  };

  const remove = async (organization?: string) => {
    const org = status?.organizations.find((o) => o.key === organization);
    const what = organization === undefined ? 'all Credit Lens data in this browser' : `the data of "${org ? orgLabel(org) : organization}"`;
    if (!confirm(`Delete ${what}? Export it first if you may need it. This cannot be undone.`)) return;
    const r = await ask('delete', { organization });
    setMessage(r.ok ? { tone: 'ok', text: 'Deleted.' } : { tone: 'warn', text: `Not deleted: ${r.error}` });
    await load();
  };

  const afterChange = (error?: string) => {
    setMessage(error ? { tone: 'warn', text: error } : { tone: 'ok', text: 'Done.' });
    void load();
  };

  const recoveryWaits = status?.readOnly !== null && status?.readOnly !== undefined && status.damagedCopy;

  return (
    <main class="options">
      <h1>Credit Lens settings</h1>
      {message && (
        <p class={message.tone === 'ok' ? 'cl-ok' : 'cl-warn'} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {status?.readOnly && (
        <p class="cl-warn" role="alert">
          {status.readOnly}
        </p>
      )}
      {status?.problem && (
        <p class="cl-warn" role="alert">
          {status.problem.message}
        </p>
      )}
      {draft && (
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
      )}
      {status && <Holding held={status.held} onChange={afterChange} />}
      <fieldset style={{ marginTop: '16px' }}>
        <legend>Your data</legend>
        <p class="cl-muted">Everything Credit Lens knows is stored in this browser only. Export it to keep a copy or move it; importing merges a copy in.</p>
        <div class="row">
          <button type="button" class="cl-button" onClick={() => void exportData('export')}>
            Export data
          </button>
          <button type="button" class="cl-button" onClick={() => fileInput.current?.click()}>
            Import data…
          </button>
          <input ref={fileInput} type="file" accept="application/json,.json" aria-label="Data export file to import" onChange={(e) => void chooseFile(e)} style={{ display: 'none' }} />
          {status?.damagedCopy && (
            <button type="button" class="cl-button" onClick={() => void exportData('export-damaged')}>
              Download the damaged copy
            </button>
          )}
          {recoveryWaits && (
            <button type="button" class="cl-button" onClick={() => void ask('recovery-continue').then(() => afterChange())}>
              Continue without it
            </button>
          )}
        </div>
        {pending && (
          <section class="import-preview" aria-label="Import to confirm">
            <p>
              <strong>{pending.name}</strong> will add {pending.summary}:
            </p>
            <PreviewOf preview={pending.preview} />
            <div class="row">
              <button type="button" class="cl-button primary" onClick={() => void confirmImport()}>
                Import
              </button>
              <button type="button" class="cl-button" onClick={() => void cancelImport()}>
                Cancel
              </button>
            </div>
          </section>
        )}
        {status && <UndoList undo={status.undo} onChange={afterChange} />}
        <div class="row" style={{ marginTop: '10px' }}>
          {status?.organizations.map((o) => (
            <button key={o.key} type="button" class="cl-button danger" onClick={() => void remove(o.key)}>
              Delete “{orgLabel(o)}”
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
