// What the background says, in the browser's language: storage problems and read-only states (sent
// as codes with values), the undo list (from each change's kind), and why a read is held (stored in
// English with the read: the known reasons are recognised here; any other is shown as it is).
import { PAGE_KINDS, type PageKind } from '../lib/dashboard/pages/kinds';
import { count, pageTitle, type Words } from '../lib/exports/wording';
import type { Said, UndoView } from '../lib/messages';

const REASONS: [RegExp, (m: RegExpExecArray, w: Words) => string][] = [
  [/^This page names "(.*)", and more than one organization has that name\.$/s, (m, w) => w.t('held.reason.sharedName', { name: m[1]! })],
  [/^What this page shows fits more than one organization\.$/, (_, w) => w.t('held.reason.fitsMany')],
  [/^This page does not name its organization, and it does not fit the one its invoice numbers point to\.$/, (_, w) => w.t('held.reason.noFit')],
  [/^This page does not name its organization, and its invoice numbers \((.*)-…\) were not seen on a page that does\.$/s, (m, w) => w.t('held.reason.prefixes', { prefixes: m[1]! })],
  [/^This page does not name its organization\.$/, (_, w) => w.t('held.reason.unnamed')],
];

export function heldReasonText(reason: string, w: Words): string {
  for (const [pattern, say] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return say(m, w);
  }
  return reason;
}

const isPage = (p: string | null | undefined): p is PageKind => (PAGE_KINDS as readonly string[]).includes(p ?? '');

/** `english`: the background's own label says it best (it counts what an import added). */
export function undoLabel(u: UndoView, w: Words, english = false): string {
  if (english && u.label) return u.label;
  const page = pageTitle(isPage(u.page) ? u.page : 'ledger', w);
  const org = u.orgName ?? u.org ?? '';
  switch (u.kind) {
    case 'import':
      return w.t('undo.import');
    case 'assign':
      return w.t('undo.assign', { page, org });
    case 'discard':
      return w.t('undo.discard', { page });
    case 'forget':
      return w.t('undo.forget', { page, org });
    case 'read':
      return w.t('undo.read', { page });
    default:
      return u.label;
  }
}

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
