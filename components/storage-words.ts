// Storage problems and read-only states in the browser's language: the background sends them as a
// code with values beside its English text (lib/messages.ts `Said`). Its own module: the panel
// needs this and nothing else of what the background says.
import { count, type Words } from '../lib/exports/wording';
import type { Said } from '../lib/messages';

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A storage problem or read-only state in the browser's language; its English `message` when the code is not known. */
export function saidText(message: string, said: Said | null | undefined, w: Words): string {
  if (!said || typeof said !== 'object' || typeof said.code !== 'string') return message;
  const d = said.data && typeof said.data === 'object' ? said.data : {};
  const recovered = () =>
    w.t(num(d.dropped) ? 'problem.recoveredRowsDropped' : 'problem.recoveredRows', {
      grants: count('count.grants', num(d.grants), w),
      invoices: count('count.invoices', num(d.invoices), w),
      dropped: num(d.dropped),
    });
  switch (said.code) {
    case 'read-failed':
      return w.t('problem.readFailed', { error: text(d.error) });
    case 'recovered':
      return w.join([w.t('problem.recovered', { reason: text(d.reason), recovered: recovered() }), ...(d.error ? [w.t('problem.notSavedYet', { error: text(d.error) })] : [])]);
    case 'recovered-no-room':
      return w.t('problem.recoveredNoRoom', { reason: text(d.reason), recovered: recovered() });
    case 'save-failed':
      return w.t('problem.saveFailed', { error: text(d.error) });
    case 'recovery-saved':
      return w.t('problem.recoverySaved');
    case 'unreadable':
      return w.t('readOnly.unreadable');
    case 'newer':
      return w.t('readOnly.newer', { version: text(d.version) });
    case 'waiting':
      return w.t('readOnly.waiting');
    default:
      return message;
  }
}
