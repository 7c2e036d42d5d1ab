// The holding area's and undo list's words in the browser's language: the undo list from each
// change's kind, and why a read is held (stored in English with the read: the known reasons are
// recognised here; any other is shown as it is).
import { PAGE_KINDS, type PageKind } from '../lib/dashboard/pages/kinds';
import { pageTitle, type Words } from '../lib/exports/wording';
import type { UndoView } from '../lib/messages';

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
