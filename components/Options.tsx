// Options: alert thresholds, the auto-recharge threshold and target to use when the overview page
// was not read, and the data itself: export, import (shown before it is merged, never overwriting),
// undo, delete, and the way out when stored data is damaged or from a newer version. The data
// section works whatever state storage is in, even when the settings cannot be loaded. Every
// control is a native one (keyboard first); a value that cannot be saved is named next to its
// field, and what the person typed stays there.
import { useEffect, useRef, useState } from 'preact/hooks';
import { tooLarge } from '../lib/ledger/keys';
import type { ImportPreview } from '../lib/ledger/transfer';
import type { Status } from '../lib/messages';
import { count, type MessageKey, type Words } from '../lib/exports/wording';
import { ask } from './ask';
import { download } from './download';
import { words } from './format';
import { heldReasonText } from './held-words';
import { saidText } from './storage-words';
import { Holding, UndoList } from './Holding';
import { orgLabel } from './org-label';
import { draftOf, parseSettingsDraft, type Draft, type FieldErrors } from './settings-draft';

type Message = { tone: 'ok' | 'warn'; text: string };

/** What an import will add, before the user confirms it. */
function PreviewOf({ preview }: { preview: ImportPreview }) {
  const w = words();
  return (
    <ul>
      {preview.organizations.map((o) => (
        <li key={o.key}>
          {w.t('options.previewOrg', {
            org: o.name ?? o.key,
            isNew: o.isNew ? ` ${w.t('options.newOrganization')}` : '',
            grants: count('count.newGrants', o.grants, w),
            invoices: count('count.newInvoices', o.invoices, w),
          })}
          {o.note ? <span class="cl-muted"> — {o.note}</span> : null}
        </li>
      ))}
      {preview.held.map((h) => (
        <li key={h.id}>{w.t('options.previewHeld', { grants: count('count.grants', h.grants, w), invoices: count('count.invoices', h.invoices, w), reason: heldReasonText(h.reason, w) })}</li>
      ))}
    </ul>
  );
}

/** "3 new grants, 2 new invoices, 1 new organization": what an import adds, in the browser's language. */
function summaryOf(p: ImportPreview): string {
  const w = words();
  const parts = { grants: count('count.newGrants', p.added.grants, w), invoices: count('count.newInvoices', p.added.invoices, w), organizations: count('count.newOrganizations', p.added.organizations, w) };
  return p.added.held ? w.t('options.summaryHeld', { ...parts, held: count('count.readsToAssign', p.added.held, w) }) : w.t('options.summary', parts);
}

/** A range's end as the language writes numbers (0,1 in German). */
const bound = (n: string | undefined, w: Words) => (n === undefined ? '' : w.number(Number(n), n.includes('.') ? n.split('.')[1]!.length : 0));

const LABELS: Record<keyof Draft, MessageKey> = {
  rapidCount: 'options.rapidCount',
  rapidWindowHours: 'options.rapidWindowHours',
  rapidShortCount: 'options.rapidShortCount',
  rapidShortWindowMinutes: 'options.rapidShortWindowMinutes',
  expiringDays: 'options.expiringDays',
  threshold: 'options.threshold',
  target: 'options.target',
};

export function Options() {
  const [status, setStatus] = useState<Status | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<{ token: string; name: string; preview: ImportPreview } | null>(null);
  const [loaded, setLoaded] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const w = words();
  const load = (keepDraft = false) =>
    ask('status', {}).then(
      (s) => {
        setLoaded(true);
        if (!s.ok) return setMessage({ tone: 'warn', text: s.error });
        setStatus(s);
        if (!keepDraft) setDraft(draftOf(s.settings));
      },
      (e: unknown) => {
        setLoaded(true);
        setMessage({ tone: 'warn', text: w.t('popup.noAnswer', { error: String(e) }) });
      },
    );
  useEffect(() => {
    document.title = w.t('options.title');
    void load();
  }, []);
  if (!loaded) return <main class="options">{w.t('options.loading')}</main>;

  const field = (key: keyof Draft, hint?: MessageKey) => {
    const error = errors[key];
    const label = w.t(LABELS[key]);
    return (
      draft && (
        <div class={error ? 'field field-error' : 'field'}>
          <label for={`field-${key}`}>
            {label}
            {hint && <span class="cl-muted"> {w.t(hint)}</span>}
          </label>
          <input
            id={`field-${key}`}
            name={key}
            inputMode="decimal"
            value={draft[key]}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `error-${key}` : undefined}
            onInput={(e) => {
              const value = (e.target as HTMLInputElement).value;
              setDraft((d) => d && { ...d, [key]: value });
            }}
          />
          {error && (
            <p class="cl-warn field-message" id={`error-${key}`}>
              {w.t(error.key, { field: label, min: bound(error.min, w), max: bound(error.max, w) })}
            </p>
          )}
        </div>
      )
    );
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    const checked = parseSettingsDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      setMessage({ tone: 'warn', text: w.t('options.checkFields', undefined, Object.keys(checked.errors).length) });
      if (first) document.getElementById(`field-${first}`)?.focus();
      return;
    }
    setErrors({});
    const r = await ask('settings', { settings: checked.settings });
    // A refusal keeps what was typed: the person corrects it rather than typing it all again.
    setMessage(r.ok ? { tone: 'ok', text: w.t('options.saved') } : { tone: 'warn', text: w.t('options.notSaved', { error: r.error }) });
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
    if (big) return setMessage({ tone: 'warn', text: w.t('options.notImported', { error: big }) });
    setMessage({ tone: 'ok', text: w.t('options.reading', { file: file.name }) });
    const r = await ask('import-preview', { text: await file.text() });
    if (!r.ok) return setMessage({ tone: 'warn', text: w.t('options.notImported', { error: r.error }) });
    setMessage(null);
    setPending({ token: r.token, name: file.name, preview: r.preview });
  };

  const confirmImport = async () => {
    if (!pending) return;
    const r = await ask('import-confirm', { token: pending.token });
    const summary = summaryOf(pending.preview);
    setPending(null);
    setMessage(r.ok ? { tone: 'ok', text: w.t('options.imported', { summary }) } : { tone: 'warn', text: w.t('options.notImported', { error: r.error }) });
    await load(true);
  };

  const cancelImport = async () => {
    if (pending) await ask('import-cancel', { token: pending.token });
    setPending(null);
    setMessage({ tone: 'ok', text: w.t('options.importCancelled') });
  };

  const remove = async (organization?: string) => {
    const org = status?.organizations.find((o) => o.key === organization);
    const question = organization === undefined ? w.t('options.confirmDeleteAll') : w.t('options.confirmDeleteOrg', { org: org ? orgLabel(org) : organization });
    if (!confirm(question)) return;
    const r = await ask('delete', { organization });
    setMessage(r.ok ? { tone: 'ok', text: w.t('options.deleted') } : { tone: 'warn', text: w.t('options.notDeleted', { error: r.error }) });
    await load(true);
  };

  const afterChange = (error?: string) => {
    setMessage(error ? { tone: 'warn', text: error } : { tone: 'ok', text: w.t('options.done') });
    void load(true);
  };

  const recoveryWaits = status?.readOnly !== null && status?.readOnly !== undefined && status.damagedCopy;

  return (
    <main class="options">
      <h1>{w.t('options.title')}</h1>
      {message && (
        <p class={message.tone === 'ok' ? 'cl-ok' : 'cl-warn'} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {status?.readOnly && (
        <p class="cl-warn" role="alert">
          {saidText(status.readOnly, status.readOnlySaid, w)}
        </p>
      )}
      {status?.problem && (
        <p class="cl-warn" role="alert">
          {saidText(status.problem.message, status.problem.said, w)}
        </p>
      )}
      {draft && (
        <form onSubmit={(e) => void save(e)}>
          <fieldset>
            <legend>{w.t('options.rapid')}</legend>
            {field('rapidCount', 'options.rapidCountHint')}
            {field('rapidWindowHours')}
            {field('rapidShortCount')}
            {field('rapidShortWindowMinutes')}
          </fieldset>
          <fieldset>
            <legend>{w.t('options.other')}</legend>
            {field('expiringDays')}
            {field('threshold', 'options.thresholdHint')}
            {field('target', 'options.targetHint')}
          </fieldset>
          <button type="submit" class="cl-button primary">
            {w.t('options.save')}
          </button>
        </form>
      )}
      {status && status.settings.clearedCharges.length > 0 && (
        <fieldset style={{ marginTop: '16px' }}>
          <legend>{w.t('options.cleared')}</legend>
          <p class="cl-muted">{w.t('options.clearedIntro')}</p>
          <ul class="cl-cleared">
            {status.settings.clearedCharges.map((invoice) => (
              <li key={invoice}>
                <span class="cl-inv">{invoice}</span>{' '}
                <button type="button" class="cl-button" onClick={() => void ask('clear-charge', { invoice, cleared: false }).then((r) => afterChange(r.ok ? undefined : r.error))}>
                  {w.t('options.unclear')}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {status && <Holding held={status.held} onChange={afterChange} />}
      <fieldset style={{ marginTop: '16px' }}>
        <legend>{w.t('options.data')}</legend>
        <p class="cl-muted">{w.t('options.dataIntro')}</p>
        <div class="row">
          <button type="button" class="cl-button" onClick={() => void exportData('export')}>
            {w.t('options.export')}
          </button>
          <button type="button" class="cl-button" onClick={() => fileInput.current?.click()}>
            {w.t('options.import')}
          </button>
          <input ref={fileInput} type="file" accept="application/json,.json" aria-label={w.t('options.importFile')} tabIndex={-1} onChange={(e) => void chooseFile(e)} style={{ display: 'none' }} />
          {status?.damagedCopy && (
            <button type="button" class="cl-button" onClick={() => void exportData('export-damaged')}>
              {w.t('options.downloadDamaged')}
            </button>
          )}
          {recoveryWaits && (
            <button type="button" class="cl-button" onClick={() => void ask('recovery-continue').then(() => afterChange())}>
              {w.t('options.continueWithout')}
            </button>
          )}
        </div>
        {pending && (
          <section class="import-preview" aria-label={w.t('options.importPreview')}>
            <p>{w.t('options.willAdd', { file: pending.name, summary: summaryOf(pending.preview) })}</p>
            <PreviewOf preview={pending.preview} />
            <div class="row">
              <button type="button" class="cl-button primary" onClick={() => void confirmImport()}>
                {w.t('options.confirmImport')}
              </button>
              <button type="button" class="cl-button" onClick={() => void cancelImport()}>
                {w.t('options.cancel')}
              </button>
            </div>
          </section>
        )}
        {status && <UndoList undo={status.undo} onChange={afterChange} />}
        <div class="row" style={{ marginTop: '10px' }}>
          {status?.organizations.map((o) => (
            <button key={o.key} type="button" class="cl-button danger" onClick={() => void remove(o.key)}>
              {w.t('options.deleteOrg', { org: orgLabel(o) })}
            </button>
          ))}
          <button type="button" class="cl-button danger" onClick={() => void remove()}>
            {w.t('options.deleteAll')}
          </button>
        </div>
      </fieldset>
    </main>
  );
}
