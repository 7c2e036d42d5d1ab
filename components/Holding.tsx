// Reads whose organization could not be told, kept aside until the person says whose they are:
// "these pages could be Acme Research or another organization — assign". Nothing in them counts
// anywhere until then. Also: the last changes that can be undone.
import { useState } from 'preact/hooks';
import type { HeldView, UndoView } from '../lib/messages';
import { ask } from './ask';
import { plural, wall } from './format';
import { orgLabel } from './org-label';
import { PAGE_TITLES } from '../lib/dashboard/pages';

const titleOf = (h: HeldView) => (h.source === 'ledger' ? 'An imported file' : PAGE_TITLES[h.source]);
const or = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`);

function HeldRead({ held, onDone }: { held: HeldView; onDone: (error?: string) => void }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const run = (answer: Promise<{ ok: true } | { ok: false; error: string }>) => void answer.then((r) => onDone(r.ok ? undefined : r.error), (e: unknown) => onDone(String(e)));
  const could = held.candidates.length ? `These pages could be ${or(held.candidates.map(orgLabel))} or another organization` : 'These pages could be any organization';
  return (
    <li class="held" data-held={held.id}>
      <p>
        <strong>{titleOf(held)}</strong>, read {wall(held.seenAt)} ({plural(held.grants, 'grant')}, {plural(held.invoices, 'invoice')}): {held.reason}
      </p>
      <p>{could} — assign:</p>
      <div class="row">
        {held.candidates.map((c) => (
          <button key={c.key} type="button" class="cl-button" onClick={() => run(ask('assign', { held: held.id, organization: c.key }))}>
            Assign to “{orgLabel(c)}”
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
              <span class="cl-muted">Organization name </span>
              <input value={name} maxLength={100} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
            </label>
            <button type="submit" class="cl-button">
              Assign
            </button>
          </form>
        ) : (
          <button type="button" class="cl-button" onClick={() => setNaming(true)}>
            Another organization…
          </button>
        )}
        <button type="button" class="cl-button danger" onClick={() => run(ask('discard', { held: held.id }))}>
          Discard
        </button>
      </div>
    </li>
  );
}

export function Holding({ held, onChange }: { held: HeldView[]; onChange: (error?: string) => void }) {
  if (!held.length) return null;
  return (
    <section aria-label="Pages to assign" class="holding">
      <h2>Pages to assign</h2>
      <p class="cl-muted">Credit Lens could not tell which organization these pages belong to, so they count nowhere yet.</p>
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
  return (
    <section aria-label="Undo" class="undo">
      <h2>Undo</h2>
      <ul>
        {undo.map((u) => (
          <li key={u.id}>
            <span>
              {u.label} <span class="cl-muted">({wall(u.at)})</span>
            </span>{' '}
            <button
              type="button"
              class="cl-button"
              onClick={() => void ask('undo', { id: u.id }).then((r) => onChange(r.ok ? undefined : r.error), (e: unknown) => onChange(String(e)))}
            >
              Undo
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
