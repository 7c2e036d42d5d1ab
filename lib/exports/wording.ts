// Every sentence Credit Lens says about an account, made from the report's codes and numbers.
// One module, so the words can be reviewed (each must follow from pages actually read) and later
// translated in one place. The analysis uses it for the contract's English `message`s with plain
// formats; the extension's views pass the browser's locale formats.
import { formatCents } from '../dashboard/money';
import type { PageKind } from '../dashboard/pages/kinds';
import type { AlertFacts, Explanation, Report, ReportNote, UnmatchedReason } from '../report-schema';
import { flaggedCharges } from './flagged';

export interface Formats {
  money(cents: number): string;
  /** A wall-clock date-time as the pages show it. */
  wall(at: string): string;
  day(day: string): string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 3, 2026": from the digits alone, so no time zone (nor a daylight-saving gap) moves it. */
function plainDay(day: string): string {
  return `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}, ${day.slice(0, 4)}`;
}

/** "Nov 3, 2026 13:02", as the page's wall clock shows it. */
function plainWall(at: string): string {
  return at.length > 10 ? `${plainDay(at)} ${at.slice(11, 16)}` : plainDay(at);
}

/** Fixed formats (en-US, 24-hour): for the report's messages, the CLI and the support request. */
export const PLAIN: Formats = { money: (c) => formatCents(c), wall: plainWall, day: plainDay };

/** PLAIN, with money in the account's currency ("EUR 10.89" for an account in euros). */
export function plainFormats(currency: string): Formats {
  return currency === 'USD' ? PLAIN : { ...PLAIN, money: (c) => formatCents(c, currency) };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const PAGE_NAMES: Record<PageKind, string> = {
  'credit-grants': 'the credit grants page',
  'billing-history': 'the billing history',
  overview: 'the billing overview',
  usage: 'the usage page',
};

/** Why each page is needed, for "not read yet" pointers. */
export const PAGE_PURPOSES: Record<PageKind, string> = {
  'credit-grants': 'to see what each payment bought',
  'billing-history': 'to see what was paid, and when',
  overview: 'to learn the auto-recharge threshold',
  usage: 'to compare with what the API spent',
};

export const ALERT_TITLES: Record<AlertFacts['code'], string> = {
  'rapid-recharge': 'Rapid repeated recharges',
  'recharge-above-threshold': 'Charged while above the threshold',
  'credits-accumulating': 'Unused credit keeps growing',
  'usage-zero': 'Usage and credit disagree',
  'usage-above-used': 'Usage and credit disagree',
  'credits-expiring': 'Credit expiring soon',
  'unmatched-charge': 'Payment with no credit seen',
};

function span(minutes: number): string {
  const hours = minutes / 60;
  return hours < 1 ? `${Math.round(minutes)} minutes` : `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} hours`;
}

/** The alert's message. `invoices`: the invoices the alert names (a burst lists them). */
export function alertMessage(f: AlertFacts, invoices: readonly string[], w: Formats = PLAIN): string {
  switch (f.code) {
    case 'recharge-above-threshold': {
      // The pages show today's settings only: the claim says which threshold it rests on.
      const threshold = `threshold ${w.money(f.thresholdCents)}${f.thresholdFrom === 'settings' ? ', from your settings' : ', as the billing overview shows it now'}`;
      const held = `The credit grants page still shows that much left in ${plural(f.grantCount, 'grant')} bought before this charge`;
      const why =
        f.charge === 'recharge'
          ? `${held}, so the balance never fell below the threshold. (If the threshold was higher then, or you bought this credit by hand, it may have been right.)`
          : `${held}: if it was an auto-recharge, the balance never fell below the threshold. The auto-recharge target is not known (open the billing overview, or set it in the options), so it cannot be told from a purchase made by hand.`;
      return (
        `Charged ${w.money(f.totalCents)} on ${w.wall(f.at)} (invoice ${f.invoice}) while at least ${w.money(f.boundCents)} of earlier credit was unused (${threshold}). ` +
        why +
        (f.partlyRefunded ? ' Part of it has been refunded already.' : '')
      );
    }
    case 'rapid-recharge': {
      const list = invoices.slice(0, 25).join(', ');
      const head =
        `${f.count} charges in ${span(f.minutes)} (${w.wall(f.from)} to ${w.wall(f.to)}), ${w.money(f.totalCents)} in all: ` +
        `invoices ${list}${invoices.length > 25 ? ` and ${invoices.length - 25} more` : ''}.`;
      if (!f.grantsRead) {
        return `${head} Auto-recharge charges once each time the balance falls below its threshold; charges this close together may mean it misfired. The credit grants page is not read yet: open it to check each charge against the credit that was left.`;
      }
      if (!f.thresholdKnown) {
        return `${head} The auto-recharge threshold is not known (open the billing overview, or set it in the options), so the charges could not be checked against the credit that was left.`;
      }
      if (f.aboveThreshold > 0) {
        return `${head} ${f.aboveThreshold === f.count ? 'Each' : `${f.aboveThreshold} of them`} came while credit above the threshold was provably unused. Auto-recharge should charge once when the balance falls below its threshold; charges this close together suggest it misfired.`;
      }
      return `${head} The credit grants page does not show credit above the threshold left unused at these charges, so heavy use could explain them.`;
    }
    case 'credits-accumulating':
      return (
        `Unused credit grew from at least ${w.money(f.fromCents)} to at least ${w.money(f.toCents)} across ${f.count} recharges ` +
        `(${w.wall(f.from)} to ${w.wall(f.to)}): each recharge added credit that was not being used.`
      );
    case 'usage-zero': {
      const range = f.from && f.to ? `${w.day(f.from)} – ${w.day(f.to)}` : 'the range shown';
      const grants = f.grantsRead
        ? `${f.usedCents === 0 ? 'The credit grants show nothing used' : `The credit grants show ${w.money(f.usedCents)} used in all`}, and ${w.money(f.availableCents)} is still available. `
        : 'The credit grants page is not read yet: open it to see what was used. ';
      return (
        `Usage shows ${w.money(0)} for ${range} while ${w.money(f.paidCents)} was paid in that period. Payments buy credit; usage counts what the API spent. ` +
        grants +
        'If you did use the API then, check the usage page shows the same organization and no project filter, or wait: usage can lag.'
      );
    }
    case 'usage-above-used': {
      const range = f.from && f.to ? `${w.day(f.from)} – ${w.day(f.to)}` : 'the range shown';
      return `Usage shows ${w.money(f.usageCents)} for ${range}, more than the ${w.money(f.usedCents)} the credit grants show used in all. Some usage may be billed another way, or the grants page was read before that usage.`;
    }
    case 'credits-expiring':
      return `${w.money(f.totalCents)} of unused credit in ${plural(f.grantCount, 'grant')} expires ${f.first === f.last ? `on ${w.day(f.first)}` : `between ${w.day(f.first)} and ${w.day(f.last)}`}. Expired credit is not refunded.`;
    case 'unmatched-charge':
      return f.afterGrantsRead
        ? `Invoice ${f.invoice} (${w.money(f.totalCents)}, ${w.wall(f.at)}) was paid after the credit grants page was last read: open it to see its grant.`
        : `Invoice ${f.invoice} (${w.money(f.totalCents)}, paid ${w.wall(f.at)}) bought no credit grant that Credit Lens has seen. Ask support what it paid for.`;
  }
}

/** Why a grant has no purchase. */
export function unmatchedText(r: UnmatchedReason, amountCents: number, w: Formats = PLAIN): string {
  const expected = (cents: number | null) => (cents === null ? `${w.money(amountCents)} plus tax` : w.money(cents));
  switch (r.code) {
    case 'history-not-read':
      return 'The billing history has not been read yet: open it to find the payment.';
    case 'history-partly-read':
      return 'Its invoice may be on a page of the billing history not read yet: open its other pages.';
    case 'before-history-window':
      return `Its invoice would be older than the 12 months of billing history the site lists (since ${w.day(r.since)}).`;
    case 'promotional':
      return `Its expiry (${w.day(r.expiresOn)}) does not fit credit bought on or after its date: promotional or free credit, which no invoice bought.`;
    case 'other-currency':
      return `It is in ${r.currency}, and no invoice in ${r.currency} can be matched to it.`;
    case 'invoices-taken':
      return `Every invoice of ${expected(r.expectedCents)} near its date already bought another grant: its invoice may not be listed.`;
    case 'no-fitting-invoice':
      return `No invoice of ${expected(r.expectedCents)} was paid on or after its date.`;
  }
}

/** What could not be checked or counted. */
export function noteText(n: ReportNote, w: Formats = PLAIN): string {
  switch (n.code) {
    case 'page-not-read':
      return n.page === 'credit-grants'
        ? 'The credit grants page has not been read: open it so payments can be matched to the credit they bought.'
        : n.page === 'billing-history'
          ? 'The billing history has not been read: open it to see what was paid and when.'
          : `${capital(PAGE_NAMES[n.page])} has not been read: open it ${PAGE_PURPOSES[n.page]}.`;
    case 'history-partly-read':
      return `Only part of the billing history was read (${historyPartText(n)}): payments on its other pages are not counted, and grants they bought show no purchase yet. Open every page of it.`;
    case 'time-zones':
      return `The pages were read in more than one time zone (or across a change of the clock): their times can be ${n.marginMinutes} minutes apart, so a charge is only compared with credit seen at least that long before or after it.`;
    case 'balance-below-grants':
      return `The billing overview showed a balance of ${w.money(n.balanceCents)} on ${w.wall(n.at)}, less than the ${w.money(n.grantsCents)} the credit grants page shows was left then: the grants page lags behind usage, so its balances prove nothing about when charges were made, and no charge is called critical on them.`;
    case 'threshold-unknown':
      return n.autoRechargeOff
        ? 'The billing overview shows auto-recharge off now, and the threshold it had when these charges were made is not known (set it in the options): recharges were not checked against it.'
        : 'The auto-recharge threshold is unknown (open the billing overview, or set it in the options): recharges were not checked against it.';
    case 'target-unknown':
      return 'The auto-recharge target (the balance it brings the credit back up to) is unknown (open the billing overview, or set it in the options): an auto-recharge cannot be told from a purchase made by hand, so no charge is called critical.';
    case 'threshold-from-settings':
      return `Using the threshold ${w.money(n.thresholdCents)} from the settings: no overview page gave one.`;
    case 'target-from-settings':
      return `Using the target ${w.money(n.targetCents)} from the settings: no overview page gave one.`;
    case 'auto-recharge-off-now':
      return 'The billing overview shows auto-recharge off now. That says nothing about whether it was on when the charges were made.';
    case 'unknown-status':
      return `${n.count} invoice${n.count > 1 ? 's have a status' : ' has a status'} Credit Lens does not recognise (${n.words.map((x) => `"${x}"`).join(', ')}): not counted as paid.`;
    case 'partly-refunded':
      return `${plural(n.invoices.length, 'invoice')} partly refunded (${n.invoices.slice(0, 10).join(', ')}${n.invoices.length > 10 ? ', …' : ''}): the billing history does not show how much came back, so ${n.invoices.length === 1 ? 'it is' : 'they are'} counted as paid in full unless a refund row is listed.`;
    case 'other-currency':
      return `${plural(n.count, 'invoice')} in ${n.currency}: not matched to the grants (in ${n.accountCurrency}) and not counted in the totals.`;
  }
}

function rateText(basisPoints: number): string {
  // Trailing zeros go only after a decimal point: 20% stays "20%", 8.875% stays "8.875%".
  return `${(basisPoints / 100).toFixed(3).replace(/\.?0+$/, '')}%`;
}

export function explanationText(e: Explanation, w: Formats = PLAIN): string {
  switch (e.code) {
    case 'dates-differ':
      return (
        `Dates differ: the credit grants page shows ${w.day(e.displayedDate)} for the credit paid on ${w.wall(e.paidAt)} (invoice ${e.invoice}). ` +
        'Grants are dated to the end of the month before the purchase; the invoice has the real time.'
      );
    case 'amounts-differ':
      return (
        `Amounts differ: invoice ${e.invoice} is ${w.money(e.totalCents)} = ${w.money(e.amountCents)} of credit + ${w.money(e.taxCents)} tax` +
        `${e.rateBasisPoints !== null ? ` (${rateText(e.rateBasisPoints)})` : ''}. Grants show credit without tax.`
      );
    case 'expired-counted':
      return `Of the credit still shown on grants, ${w.money(e.expiredCents)} has expired and cannot be used; ${w.money(e.availableCents)} is available. A headline total can count both.`;
    case 'usage-zero-paid':
      return `Usage reads ${w.money(0)} although ${w.money(e.paidCents)} was paid: payments buy credit, usage is what the API spent. ${w.money(e.usedCents)} of credit has been used in all.`;
  }
}

export function taxRateText(basisPoints: number): string {
  return rateText(basisPoints);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type Tone = 'bad' | 'ok' | 'muted';

/** The pages a full check needs that were not read (the usage page is never needed). */
/** "page 1 of 3", "pages 1 and 2 of 3", or "some of its pages" when they are not numbered. */
export function historyPartText(n: { pagesRead: number[]; pages: number | null }): string {
  if (n.pages === null || n.pagesRead.length === 0) return 'some of its pages';
  const list = n.pagesRead.length === 1 ? `page ${n.pagesRead[0]}` : `pages ${n.pagesRead.slice(0, -1).join(', ')} and ${n.pagesRead[n.pagesRead.length - 1]}`;
  return `${list} of ${n.pages}`;
}

/** The note saying the billing history was read only in part, if it was. */
export function historyPartly(r: Report): Extract<ReportNote, { code: 'history-partly-read' }> | undefined {
  return r.notes.find((n): n is Extract<ReportNote, { code: 'history-partly-read' }> => n.code === 'history-partly-read');
}

export function pagesMissing(r: Report): PageKind[] {
  const read = new Set(r.pagesRead);
  // A billing history read only in part is still missing what its other pages hold.
  const missing: PageKind[] = (['billing-history', 'credit-grants'] as const).filter((p) => !read.has(p) || (p === 'billing-history' && historyPartly(r)));
  if (r.rechargeRule.thresholdCents === null || r.rechargeRule.targetCents === null) if (!read.has('overview')) missing.push('overview');
  return missing;
}

/** The one sentence a person reads first: what is wrong, or what is still needed to know. */
export function headline(r: Report, w: Formats = PLAIN): { text: string; tone: Tone } {
  const flagged = flaggedCharges(r);
  if (flagged.length) {
    const total = flagged.reduce((s, f) => s + f.totalCents, 0);
    return { text: `Auto-recharge charged you ${plural(flagged.length, 'time')} (${w.money(total)}) while your balance was above its threshold.`, tone: 'bad' };
  }
  const above = r.alerts.filter((a) => a.facts.code === 'recharge-above-threshold');
  if (above.length) {
    return {
      text: `${plural(above.length, 'charge')} came while your balance was above the auto-recharge threshold. Whether they were auto-recharges is not known: open the billing overview, or set the target in the options.`,
      tone: 'bad',
    };
  }
  // A burst the pages show was used up (heavy use) is no headline.
  const rapid = r.alerts.find((a) => a.facts.code === 'rapid-recharge' && (!a.facts.grantsRead || !a.facts.thresholdKnown || a.facts.aboveThreshold > 0));
  const missing = pagesMissing(r);
  if (rapid) {
    const more = missing.length ? ` Not read yet: ${missing.map((p) => PAGE_NAMES[p]).join(', ')}; open ${missing.length > 1 ? 'them' : 'it'} to check the charges against your balance.` : '';
    return { text: `Your card was charged ${plural(rapid.invoices.length, 'time')} in quick succession: auto-recharge may be misfiring.${more}`, tone: 'bad' };
  }
  const critical = r.alerts.filter((a) => a.severity === 'critical');
  if (critical.length) return { text: `${plural(critical.length, 'critical alert')}.`, tone: 'bad' };
  const partly = historyPartly(r);
  if (partly) return { text: `Only part of the billing history was read (${historyPartText(partly)}): open its other pages to see every payment.`, tone: 'muted' };
  if (missing.includes('billing-history')) return { text: 'Open the billing history to see which payment bought each grant.', tone: 'muted' };
  if (missing.includes('credit-grants')) return { text: 'Open the credit grants page to see what each payment bought.', tone: 'muted' };
  if (r.alerts.length) return { text: `${plural(r.alerts.length, 'thing')} to look at; nothing critical.`, tone: 'muted' };
  if (missing.includes('overview')) {
    return { text: 'No problem found in the pages read so far. Open the billing overview (or set the threshold and target in the options) to check the recharges against auto-recharge.', tone: 'muted' };
  }
  return { text: 'Nothing looks wrong: every payment matches the credit it bought.', tone: 'ok' };
}

/** What the alert list says when it is empty. */
export function noAlertsText(r: Report | null): { text: string; tone: Tone } {
  const missing = r ? pagesMissing(r) : [];
  if (!r || missing.length) {
    return { text: `No alerts from the pages read so far.${missing.length ? ` Not read yet: ${missing.map((p) => PAGE_NAMES[p]).join(', ')}.` : ''}`, tone: 'muted' };
  }
  return { text: 'No alerts: nothing here looks wrong.', tone: 'ok' };
}

/** Words for the row badges. */
export const BADGE = {
  bought: (paidAt: string, likely: boolean, w: Formats) => `Bought ${w.wall(paidAt)}${likely ? ' (likely)' : ''}`,
  invoiceLine: (invoice: string, totalCents: number, taxCents: number, w: Formats) => `Invoice ${invoice} · ${w.money(totalCents)} (${w.money(taxCents)} tax)`,
  chargedAbove: (boundCents: number, w: Formats) => `Charged while at least ${w.money(boundCents)} was unused`,
  maybeAbove: (boundCents: number, w: Formats) => `At least ${w.money(boundCents)} was unused: was this an auto-recharge?`,
  expiresSoon: (cents: number, w: Formats) => `Expires soon with ${w.money(cents)} unused`,
  purchaseNotKnown: 'Purchase not known yet: the billing history is not read yet',
  openHistory: 'Open billing history',
  openGrants: 'Open credit grants',
  openInvoice: 'Open invoice',
  openInvoiceLabel: (invoice: string) => `Open invoice ${invoice}`,
  boughtGrant: (amountCents: number, displayedDate: string, w: Formats) => `→ ${w.money(amountCents)} grant, shown as ${w.day(displayedDate)}`,
  noGrantSeen: 'No grant seen for this payment',
  grantsNotRead: 'Credit grants not read yet: open them to see what it bought',
  byHand: 'A purchase, not an auto-recharge: its amount is outside what auto-recharge adds',
  refunded: 'Refunded: bought no credit',
  partlyRefunded: 'Partly refunded',
  refundRow: 'A refund: money given back',
  unknownStatus: 'Status not recognised: not counted as paid',
  noMoneyTaken: (status: string) => `${capital(status)}: no money taken, bought no credit`,
  rapid: 'Part of a rapid burst of charges',
  noPurchase: 'No purchase found',
} as const;
