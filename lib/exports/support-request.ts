// "Copy support request": plain text a user can paste to OpenAI support. Every sentence in it is
// a fact taken from a page that was read (or says which page was not): the organization, each
// charge a critical alert proves unwarranted with its invoice, time, amount and the unused credit
// that proves it, and the total at stake. Nothing is said on the user's behalf, and an account
// with nothing proven gets no refund wording at all. English by default (support reads English);
// the popup can also give it in the browser's language.
import type { PageKind } from '../dashboard/pages/kinds';
import { cleanText } from '../dashboard/text';
import type { Report } from '../report-schema';
import { PLAIN, plainFor } from './english';
import { flaggedCharges } from './flagged';
import { count, historyPartly, historyPartText, pageName, type Words } from './wording';

export const HELP_CENTRE = 'https://help.openai.com';
export const AUTO_RELOAD_SWITCH = PLAIN.t('support.where');

export interface SupportOptions {
  /** The time zone the pages were read in, when it is known (else: the browser's local time). */
  timeZone?: string | null;
}

/**
 * When a page was read. A saved file's time is only what its content proves (the newest row it
 * shows), so it is said as such, never as the moment it was read.
 */
function readAt(r: Report, page: PageKind, w: Words): string {
  const s = r.sources.find((x) => x.page === page && x.seenAt !== null) ?? r.sources.find((x) => x.page === page);
  if (s?.file) {
    const file = cleanText(s.file, 120);
    return ` ${s.seenAt ? w.t('support.savedPageShows', { file, at: w.wall(s.seenAt) }) : w.t('support.savedPage', { file })}`;
  }
  return s?.seenAt ? ` ${w.t('support.readAt', { at: w.wall(s.seenAt) })}` : '';
}

function reconciliation(r: Report, w: Words): string[] {
  const read = new Set(r.pagesRead);
  const t = r.totals;
  const lines = [w.t('support.reconciliation')];
  if (read.has('billing-history')) {
    const partly = historyPartly(r);
    if (partly) lines.push(w.t(t.refundedCents ? 'support.paidPartNet' : 'support.paidPart', { part: historyPartText(partly, w), paid: w.money(t.paidCents) }));
    else lines.push(w.t(t.refundedCents ? 'support.paidNet' : 'support.paid', { paid: w.money(t.paidCents) }));
    if (read.has('credit-grants')) {
      const other = t.paidCents - t.creditsPurchasedCents - t.taxCents;
      const split = { bought: w.money(t.creditsPurchasedCents), tax: w.money(t.taxCents) };
      lines.push(`  ${other ? w.t('support.splitOther', { ...split, other: w.money(other) }) : w.t('support.split', split)}`);
    }
    if (t.refundedCents) lines.push(w.t('support.refunded', { refunded: w.money(t.refundedCents) }));
  } else {
    lines.push(w.t('support.paidNotRead', { page: pageName('billing-history', w) }));
  }
  if (read.has('credit-grants')) {
    lines.push(w.t('support.credit', { used: w.money(t.creditsUsedCents), available: w.money(t.creditsAvailableCents), expired: w.money(t.creditsExpiredCents) }));
  } else {
    lines.push(w.t('support.creditNotRead', { page: pageName('credit-grants', w) }));
  }
  if (t.usageReportedCents !== null) lines.push(w.t('support.usage', { usage: w.money(t.usageReportedCents) }));
  return lines;
}

function thresholdWords(r: Report, w: Words): string {
  const rule = r.rechargeRule;
  const threshold = w.money(rule.thresholdCents ?? 0);
  return rule.thresholdFrom === 'overview'
    ? w.t('support.thresholdOverview', { threshold, read: readAt(r, 'overview', w) })
    : w.t('support.thresholdSettings', { threshold });
}

/** `w`: the words to say it in; by default English, with money in the account's currency. */
export function supportRequest(r: Report, options: SupportOptions = {}, given?: Words): string {
  const w = given ?? plainFor(r.currency);
  const flagged = flaggedCharges(r);
  // One line of shown text, whatever a stored name holds: a name must not add lines to a request.
  const org = r.organization ? `"${cleanText(r.organization, 200)}"` : null;
  const lines: string[] = [];
  if (flagged.length) {
    const total = flagged.reduce((s, f) => s + f.totalCents, 0);
    lines.push(w.t('support.subjectRefund', { charges: count('count.autoRechargeCharges', flagged.length, w) }), '');
    lines.push(w.t('support.hello'), '');
    lines.push(w.t('support.organization', { org: org ?? w.t('support.orgNotShown') }), '');
    lines.push(w.t(flagged.length === 1 ? 'support.chargeWas' : 'support.chargesWere', { threshold: thresholdWords(r, w) }), '');
    for (const f of flagged) {
      lines.push(w.t('support.charge', { invoice: f.invoice, total: w.money(f.totalCents), at: w.wall(f.at), bound: w.money(f.boundCents) }));
    }
    lines.push('', w.t('support.total', { total: w.money(total) }), '');
    lines.push(
      w.join([
        options.timeZone ? w.t('support.timesZone', { zone: options.timeZone }) : w.t('support.times'),
        w.t('support.unused', { read: readAt(r, 'credit-grants', w) }),
      ]),
    );
    lines.push('', w.t('support.please'));
  } else {
    lines.push(w.t(org ? 'support.subjectReconciliationOrg' : 'support.subjectReconciliation', { org: org ?? '' }), '');
    lines.push(w.t('support.hello'), '');
    lines.push(w.t('support.organization', { org: org ?? w.t('support.orgNotShown') }));
  }
  lines.push('', ...reconciliation(r, w));
  const read = r.pagesRead.map((p) => `${pageName(p, w)}${readAt(r, p, w)}`);
  lines.push('', w.t('support.compiled', { pages: read.length ? read.join(', ') : w.t('support.noPage') }), '', w.t('support.thanks'));
  lines.push('', '--', flagged.length ? w.t('support.beforeSwitch', { url: HELP_CENTRE, where: w.t('support.where') }) : w.t('support.before', { url: HELP_CENTRE }));
  return `${lines.join('\n')}\n`;
}
