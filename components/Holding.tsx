// Reads whose organization could not be told, kept aside until the person says whose they are:
// "these pages could be Acme Research or another organization — assign". Nothing in them counts
// anywhere until then. Also: the last changes that can be undone.
import { useState } from 'preact/hooks';
import type { HeldView, UndoView } from '../lib/messages';
import { ask } from './ask';
import { count, pageTitle } from '../lib/exports/wording';
import { orList, uiLocale, words } from './format';
import { heldReasonText, undoLabel } from './held-words';
import { orgLabel } from './org-label';

function HeldRead({ held, onDone }: { held: HeldView; onDone: (error?: string) => void }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const run = (answer: Promise<{ ok: true } | { ok: false; error: string }>) => void answer.then((r) => onDone(r.ok ? undefined : r.error), (e: unknown) => onDone(String(e)));
  const w = words();
  const could = held.candidates.length ? w.t('held.couldBe', { names: orList(held.candidates.map(orgLabel)) }) : w.t('held.couldBeAny');
  return (
    <li class="held" data-held={held.id}>
      <p>
        {w.t('held.read', { what: pageTitle(held.source, w), at: w.wall(held.seenAt), grants: count('count.grants', held.grants, w), invoices: count('count.invoices', held.invoices, w) })}{' '}
        {heldReasonText(held.reason, w)}
      </p>
      <p>{could}</p>
      <div class="row">
        {held.candidates.map((c) => (
          <button key={c.key} type="button" class="cl-button" onClick={() => run(ask('assign', { held: held.id, organization: c.key }))}>
            {w.t('held.assignTo', { org: orgLabel(c) })}
          </button>
        ))}
        {naming ? (
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) run(ask('assign', { held: held.id, organization: null, name: name.trim() }));
            }}
          >
            <label>
              <span class="cl-muted">{w.t('held.name')} </span>
              <input value={name} maxLength={100} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
            </label>
            <button type="submit" class="cl-button">
              {w.t('held.assign')}
            </button>
          </form>
        ) : (
          <button type="button" class="cl-button" onClick={() => setNaming(true)}>
            {w.t('held.another')}
          </button>
        )}
        <button type="button" class="cl-button danger" onClick={() => run(ask('discard', { held: held.id }))}>
          {w.t('held.discard')}
        </button>
      </div>
    </li>
  );
}

export function Holding({ held, onChange }: { held: HeldView[]; onChange: (error?: string) => void }) {
  if (!held.length) return null;
  const w = words();
  return (
    <section aria-label={w.t('held.section')} class="holding">
      <h2>{w.t('held.section')}</h2>
      <p class="cl-muted">{w.t('held.intro')}</p>
      <ul>
        {held.map((h) => (
          <HeldRead key={h.id} held={h} onDone={onChange} />
        ))}
      </ul>
    </section>
  );
}

export function UndoList({ undo, onChange }: { undo: UndoView[]; onChange: (error?: string) => void }) {
  if (!undo.length) return null;
  const w = words();
  return (
    <section aria-label={w.t('undo.section')} class="undo">
      <h2>{w.t('undo.section')}</h2>
      <ul>
        {undo.map((u) => (
          <li key={u.id}>
            <span>
              {undoLabel(u, w, /^en\b/.test(uiLocale()))} <span class="cl-muted">({w.wall(u.at)})</span>
            </span>{' '}
            <button
              type="button"
              class="cl-button"
              onClick={() => void ask('undo', { id: u.id }).then((r) => onChange(r.ok ? undefined : r.error), (e: unknown) => onChange(String(e)))}
            >
              {w.t('undo.button')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
