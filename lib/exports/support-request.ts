// "Copy support request": plain text a user can paste to OpenAI support. Every sentence in it is
// a fact taken from a page that was read (or says which page was not): the organization, each
// charge a critical alert proves unwarranted with its invoice, time, amount and the unused credit
// that proves it, and the total at stake. Nothing is said on the user's behalf, and an account
// with nothing proven gets no refund wording at all.
import type { PageKind } from '../dashboard/pages/kinds';
import { cleanText } from '../dashboard/text';
import type { Report } from '../report-schema';
import { flaggedCharges } from './flagged';
import { historyPartly, historyPartText, PAGE_NAMES, plainFormats, plural, type Formats } from './wording';

export const HELP_CENTRE = 'https://help.openai.com';
export const AUTO_RELOAD_SWITCH = 'Billing → Overview → Auto recharge, "Modify"';

export interface SupportOptions {
  /** The time zone the pages were read in, when it is known (else: the browser's local time). */
  timeZone?: string | null;
}

/**
 * When a page was read. A saved file's time is only what its content proves (the newest row it
 * shows), so it is said as such, never as the moment it was read.
 */
function readAt(r: Report, page: PageKind, w: Formats): string {
  const s = r.sources.find((x) => x.page === page && x.seenAt !== null) ?? r.sources.find((x) => x.page === page);
  if (s?.file) return ` (saved page ${cleanText(s.file, 120)}${s.seenAt ? `, which shows rows up to ${w.wall(s.seenAt)}` : ''})`;
  return s?.seenAt ? ` (read ${w.wall(s.seenAt)})` : '';
}

function reconciliation(r: Report, w: Formats): string[] {
  const read = new Set(r.pagesRead);
  const t = r.totals;
  const lines = ['Reconciliation of the billing pages:'];
  if (read.has('billing-history')) {
    const partly = historyPartly(r);
    const where = partly ? `in the part of the billing history read (${historyPartText(partly)}; its other pages were not read)` : 'as the billing history lists it';
    lines.push(`- Paid, ${where}${t.refundedCents ? ', net of refunds' : ''}: ${w.money(t.paidCents)}`);
    if (read.has('credit-grants')) {
      const other = t.paidCents - t.creditsPurchasedCents - t.taxCents;
      lines.push(`  = credit bought ${w.money(t.creditsPurchasedCents)} + tax ${w.money(t.taxCents)}${other ? ` + paid for no grant seen ${w.money(other)}` : ''}`);
    }
    if (t.refundedCents) lines.push(`- Refunded: ${w.money(t.refundedCents)}`);
  } else {
    lines.push(`- Paid: not read yet (${PAGE_NAMES['billing-history']})`);
  }
  if (read.has('credit-grants')) {
    lines.push(`- Credit used: ${w.money(t.creditsUsedCents)}; available: ${w.money(t.creditsAvailableCents)}; expired unused: ${w.money(t.creditsExpiredCents)}`);
  } else {
    lines.push(`- Credit bought, used and available: not read yet (${PAGE_NAMES['credit-grants']})`);
  }
  if (t.usageReportedCents !== null) lines.push(`- The usage page reports ${w.money(t.usageReportedCents)}`);
  return lines;
}

function thresholdWords(r: Report, w: Formats): string {
  const rule = r.rechargeRule;
  const t = w.money(rule.thresholdCents ?? 0);
  return rule.thresholdFrom === 'overview'
    ? `the auto-recharge threshold of ${t} shown on the billing overview${readAt(r, 'overview', w)}`
    : `the auto-recharge threshold of ${t} (as entered in Credit Lens's settings; the billing overview did not show it)`;
}

export function supportRequest(r: Report, options: SupportOptions = {}): string {
  const w = plainFormats(r.currency);
  const flagged = flaggedCharges(r);
  // One line of shown text, whatever a stored name holds: a name must not add lines to a request.
  const org = r.organization ? `"${cleanText(r.organization, 200)}"` : null;
  const lines: string[] = [];
  if (flagged.length) {
    const total = flagged.reduce((s, f) => s + f.totalCents, 0);
    lines.push(`Subject: Refund request: ${plural(flagged.length, 'auto-recharge charge')} made while credit above the threshold was unused`, '');
    lines.push('Hello,', '');
    lines.push(`Organization: ${org ?? 'not shown on the pages read'}`, '');
    lines.push(
      `${flagged.length === 1 ? 'This charge was' : 'These charges were'} made while credit bought earlier was still unused, more than ${thresholdWords(r, w)}:`,
      '',
    );
    for (const f of flagged) {
      lines.push(`- Invoice ${f.invoice}: ${w.money(f.totalCents)} on ${w.wall(f.at)}, while at least ${w.money(f.boundCents)} of earlier credit was unused`);
    }
    lines.push('', `These charges total ${w.money(total)}.`, '');
    lines.push(
      `Times are as shown on the billing history page, in the local time of the browser that read it${options.timeZone ? ` (${options.timeZone})` : ''}. ` +
        `The unused credit is what the credit grants page${readAt(r, 'credit-grants', w)} still shows left in grants bought before each charge. ` +
        'Credit is only ever used up, so at least that much was unused when each charge was made.',
    );
    lines.push('', 'Please review these charges and refund them.');
  } else {
    lines.push(`Subject: Billing reconciliation${org ? ` for organization ${org}` : ''}`, '');
    lines.push('Hello,', '');
    lines.push(`Organization: ${org ?? 'not shown on the pages read'}`);
  }
  lines.push('', ...reconciliation(r, w));
  const read = r.pagesRead.map((p) => `${PAGE_NAMES[p]}${readAt(r, p, w)}`);
  lines.push('', `Compiled by Credit Lens from ${read.length ? read.join(', ') : 'no billing page'}.`, '', 'Thank you.');
  lines.push(
    '',
    '--',
    `Before sending: send this through OpenAI's help centre, ${HELP_CENTRE}.` +
      (flagged.length ? ` Auto-recharge (the help centre calls it auto-reload) is switched off at ${AUTO_RELOAD_SWITCH}.` : ''),
  );
  return `${lines.join('\n')}\n`;
}
