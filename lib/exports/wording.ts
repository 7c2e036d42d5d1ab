// Every sentence Credit Lens says about an account, made from the report's codes and numbers.
// One module decides which sentence fits (each must follow from pages actually read); the
// sentences themselves live in locales/ (locales/en.json is the English). `Words` says them:
// English with fixed formats for the report's `message`s, the CLI and the support request that
// goes to support (lib/exports/english.ts), or the browser's language and locale formats on every
// surface of the extension (components/format.ts).
import type { GeneratedI18nStructure } from '#i18n';
import type { PageKind } from '../dashboard/pages/kinds';
import type { AlertFacts, Explanation, Report, ReportNote, UnmatchedReason } from '../report-schema';
import { alertCards, cardSeverity } from './alert-groups';
import { flaggedCharges } from './flagged';

export type MessageKey = keyof GeneratedI18nStructure;
export type Subs = Record<string, string | number>;

export interface Formats {
  money(cents: number): string;
  /** A wall-clock date-time as the pages show it. */
  wall(at: string): string;
  day(day: string): string;
}

export interface Words extends Formats {
  /** The sentence `key` with its {named} values; `count` picks the plural form and fills $1. */
  t(key: MessageKey, subs?: Subs, count?: number): string;
  /** Sentences of one paragraph, spaced as the language spaces them. */
  join(sentences: readonly string[]): string;
  /** A number as the language writes it, with exactly `fractionDigits` decimals (1.5, 1,5). */
  number(n: number, fractionDigits?: number): string;
  /** A tax rate given in basis points, as a percentage. */
  percent(basisPoints: number): string;
}

const PAGE_KEY = { 'credit-grants': 'creditGrants', 'billing-history': 'billingHistory', overview: 'overview', usage: 'usage' } as const;

export function pageTitle(p: PageKind | 'ledger', w: Words): string {
  return w.t(`page.title.${p === 'ledger' ? 'ledger' : PAGE_KEY[p]}`);
}
export function pageName(p: PageKind, w: Words): string {
  return w.t(`page.name.${PAGE_KEY[p]}`);
}
/** Why each page is needed, for "not read yet" pointers. */
export function pagePurpose(p: PageKind, w: Words): string {
  return w.t(`page.why.${PAGE_KEY[p]}`);
}

const TITLE_KEY = {
  'rapid-recharge': 'rapid',
  'recharge-above-threshold': 'above',
  'credits-accumulating': 'accumulating',
  'usage-zero': 'usage',
  'usage-above-used': 'usage',
  'credits-expiring': 'expiring',
  'unmatched-charge': 'unmatched',
} as const;

export function alertTitle(code: AlertFacts['code'], w: Words): string {
  return w.t(`alert.title.${TITLE_KEY[code]}`);
}

/** Counted nouns: "3 grants", "1 charge". */
export const count = (key: `count.${string}` & MessageKey, n: number, w: Words) => w.t(key, undefined, n);

function span(minutes: number, w: Words): string {
  const hours = minutes / 60;
  if (hours < 1) return w.t('count.minutes', { n: w.number(Math.round(minutes)) }, Math.round(minutes));
  // Under ten hours with one decimal ("1.0 hours", "2.5 hours"): a decimal takes the plural.
  if (hours < 10) return w.t('count.hours', { n: w.number(Math.round(hours * 10) / 10, 1) }, 2);
  return w.t('count.hours', { n: w.number(Math.round(hours)) }, Math.round(hours));
}

const range = (from: string | null, to: string | null, w: Words) => (from && to ? w.t('time.range', { from: w.day(from), to: w.day(to) }) : w.t('time.rangeShown'));

/** The alert's message. `invoices`: the invoices the alert names (a burst lists them). */
export function alertMessage(f: AlertFacts, invoices: readonly string[], w: Words): string {
  switch (f.code) {
    case 'recharge-above-threshold': {
      const threshold = w.t(f.thresholdFrom === 'settings' ? 'alert.above.thresholdFromSettings' : 'alert.above.threshold', { threshold: w.money(f.thresholdCents) });
      const grants = count('count.grants', f.grantCount, w);
      return w.join([
        w.t('alert.above.head', { total: w.money(f.totalCents), at: w.wall(f.at), invoice: f.invoice, bound: w.money(f.boundCents), threshold }),
        w.t(f.charge === 'recharge' ? 'alert.above.whyRecharge' : 'alert.above.whyUnknown', { grants }),
        ...(f.partlyRefunded ? [w.t('alert.above.partlyRefunded')] : []),
      ]);
    }
    case 'rapid-recharge': {
      const listed = invoices.slice(0, 25).join(', ');
      const list = invoices.length > 25 ? w.t('alert.rapid.more', { list: listed, count: invoices.length - 25 }) : listed;
      const head = w.t('alert.rapid.head', {
        charges: count('count.charges', f.count, w),
        span: span(f.minutes, w),
        from: w.wall(f.from),
        to: w.wall(f.to),
        total: w.money(f.totalCents),
        list,
      });
      if (!f.grantsRead) return w.join([head, w.t('alert.rapid.grantsNotRead')]);
      if (!f.thresholdKnown) return w.join([head, w.t('alert.rapid.thresholdUnknown')]);
      if (f.aboveThreshold > 0) {
        const above = f.aboveThreshold === f.count ? w.t('alert.rapid.aboveEach') : w.t('alert.rapid.aboveSome', { count: f.aboveThreshold });
        return w.join([head, above, w.t('alert.rapid.shouldOnce')]);
      }
      return w.join([head, w.t('alert.rapid.heavyUse')]);
    }
    case 'credits-accumulating':
      return w.t('alert.accumulating', {
        from: w.money(f.fromCents),
        to: w.money(f.toCents),
        recharges: count('count.recharges', f.count, w),
        start: w.wall(f.from),
        end: w.wall(f.to),
      });
    case 'usage-zero': {
      const grants = !f.grantsRead
        ? w.t('alert.usageZero.grantsNotRead')
        : f.usedCents === 0
          ? w.t('alert.usageZero.nothingUsed', { available: w.money(f.availableCents) })
          : w.t('alert.usageZero.used', { used: w.money(f.usedCents), available: w.money(f.availableCents) });
      return w.join([w.t('alert.usageZero.head', { zero: w.money(0), range: range(f.from, f.to, w), paid: w.money(f.paidCents) }), grants, w.t('alert.usageZero.check')]);
    }
    case 'usage-above-used':
      return w.t('alert.usageAboveUsed', { usage: w.money(f.usageCents), range: range(f.from, f.to, w), used: w.money(f.usedCents) });
    case 'credits-expiring': {
      const facts = { total: w.money(f.totalCents), grants: count('count.grants', f.grantCount, w) };
      const when = f.first === f.last ? w.t('alert.expiring.on', { ...facts, day: w.day(f.first) }) : w.t('alert.expiring.between', { ...facts, first: w.day(f.first), last: w.day(f.last) });
      return w.join([when, w.t('alert.expiring.notRefunded')]);
    }
    case 'unmatched-charge':
      return w.t(f.afterGrantsRead ? 'alert.unmatched.afterGrantsRead' : 'alert.unmatched.noGrant', { invoice: f.invoice, total: w.money(f.totalCents), at: w.wall(f.at) });
  }
}

/** Why a grant has no purchase. */
export function unmatchedText(r: UnmatchedReason, amountCents: number, w: Words): string {
  const expected = (cents: number | null) => (cents === null ? w.t('unmatched.plusTax', { amount: w.money(amountCents) }) : w.money(cents));
  switch (r.code) {
    case 'history-not-read':
      return w.t('unmatched.historyNotRead');
    case 'history-partly-read':
      return w.t('unmatched.historyPartlyRead');
    case 'before-history-window':
      return w.t('unmatched.beforeHistoryWindow', { since: w.day(r.since) });
    case 'promotional':
      return w.t('unmatched.promotional', { expires: w.day(r.expiresOn) });
    case 'other-currency':
      return w.t('unmatched.otherCurrency', { currency: r.currency });
    case 'invoices-taken':
      return w.t('unmatched.invoicesTaken', { expected: expected(r.expectedCents) });
    case 'no-fitting-invoice':
      return w.t('unmatched.noFittingInvoice', { expected: expected(r.expectedCents) });
  }
}

const NOT_READ_KEY = { 'credit-grants': 'note.grantsNotRead', 'billing-history': 'note.historyNotRead', overview: 'note.overviewNotRead', usage: 'note.usageNotRead' } as const;

/** What could not be checked or counted. */
export function noteText(n: ReportNote, w: Words): string {
  switch (n.code) {
    case 'page-not-read':
      return w.t(NOT_READ_KEY[n.page]);
    case 'history-partly-read':
      return w.t('note.historyPartlyRead', { part: historyPartText(n, w) });
    case 'time-zones':
      return w.t('note.timeZones', { minutes: w.number(n.marginMinutes) });
    case 'balance-below-grants':
      return w.t('note.balanceBelowGrants', { balance: w.money(n.balanceCents), at: w.wall(n.at), grants: w.money(n.grantsCents) });
    case 'threshold-unknown':
      return w.t(n.autoRechargeOff ? 'note.thresholdUnknownOff' : 'note.thresholdUnknown');
    case 'target-unknown':
      return w.t('note.targetUnknown');
    case 'threshold-from-settings':
      return w.t('note.thresholdFromSettings', { threshold: w.money(n.thresholdCents) });
    case 'target-from-settings':
      return w.t('note.targetFromSettings', { target: w.money(n.targetCents) });
    case 'auto-recharge-off-now':
      return w.t('note.autoRechargeOffNow');
    case 'unknown-status':
      return w.t('note.unknownStatus', { words: n.words.map((x) => `"${x}"`).join(', ') }, n.count);
    case 'partly-refunded':
      return w.t('note.partlyRefunded', { list: `${n.invoices.slice(0, 10).join(', ')}${n.invoices.length > 10 ? ', …' : ''}` }, n.invoices.length);
    case 'other-currency':
      return w.t('note.otherCurrency', { currency: n.currency, account: n.accountCurrency }, n.count);
  }
}

export function explanationText(e: Explanation, w: Words): string {
  switch (e.code) {
    case 'dates-differ':
      return w.t('explain.datesDiffer', { day: w.day(e.displayedDate), at: w.wall(e.paidAt), invoice: e.invoice });
    case 'amounts-differ': {
      const facts = { invoice: e.invoice, total: w.money(e.totalCents), amount: w.money(e.amountCents), tax: w.money(e.taxCents) };
      return e.rateBasisPoints !== null ? w.t('explain.amountsDifferRate', { ...facts, rate: w.percent(e.rateBasisPoints) }) : w.t('explain.amountsDiffer', facts);
    }
    case 'expired-counted':
      return w.t('explain.expiredCounted', { expired: w.money(e.expiredCents), available: w.money(e.availableCents) });
    case 'usage-zero-paid':
      return w.t('explain.usageZeroPaid', { zero: w.money(0), paid: w.money(e.paidCents), used: w.money(e.usedCents) });
  }
}

export type Tone = 'bad' | 'ok' | 'muted';

/** "page 1 of 3", "pages 1, 2 of 3", or "some of its pages" when they are not numbered. */
export function historyPartText(n: { pagesRead: number[]; pages: number | null }, w: Words): string {
  if (n.pages === null || n.pagesRead.length === 0) return w.t('history.someParts');
  return w.t('history.pagesOf', { pages: n.pagesRead.map((p) => w.number(p)).join(', '), of: w.number(n.pages) }, n.pagesRead.length);
}

/** The note saying the billing history was read only in part, if it was. */
export function historyPartly(r: Report): Extract<ReportNote, { code: 'history-partly-read' }> | undefined {
  return r.notes.find((n): n is Extract<ReportNote, { code: 'history-partly-read' }> => n.code === 'history-partly-read');
}

/** The pages a full check needs that were not read (the usage page is never needed). */
export function pagesMissing(r: Report): PageKind[] {
  const read = new Set(r.pagesRead);
  // A billing history read only in part is still missing what its other pages hold.
  const missing: PageKind[] = (['billing-history', 'credit-grants'] as const).filter((p) => !read.has(p) || (p === 'billing-history' && historyPartly(r)));
  if (r.rechargeRule.thresholdCents === null || r.rechargeRule.targetCents === null) if (!read.has('overview')) missing.push('overview');
  return missing;
}

const pageList = (pages: PageKind[], w: Words) => pages.map((p) => pageName(p, w)).join(', ');

/** The one sentence a person reads first: what is wrong, or what is still needed to know. */
export function headline(r: Report, w: Words): { text: string; tone: Tone } {
  const flagged = flaggedCharges(r);
  if (flagged.length) {
    const total = flagged.reduce((s, f) => s + f.totalCents, 0);
    return { text: w.t('headline.flagged', { total: w.money(total) }, flagged.length), tone: 'bad' };
  }
  const above = r.alerts.filter((a) => a.facts.code === 'recharge-above-threshold');
  if (above.length) return { text: w.t('headline.above', undefined, above.length), tone: 'bad' };
  // A burst the pages show was used up (heavy use) is no headline.
  const rapid = r.alerts.find((a) => a.facts.code === 'rapid-recharge' && (!a.facts.grantsRead || !a.facts.thresholdKnown || a.facts.aboveThreshold > 0));
  const missing = pagesMissing(r);
  if (rapid) {
    const head = w.t('headline.rapid', undefined, rapid.invoices.length);
    if (!missing.length) return { text: head, tone: 'bad' };
    return { text: w.join([head, w.t(missing.length > 1 ? 'headline.rapidMissingMany' : 'headline.rapidMissingOne', { pages: pageList(missing, w) })]), tone: 'bad' };
  }
  const cards = alertCards(r.alerts);
  const critical = cards.filter((c) => cardSeverity(c) === 'critical');
  if (critical.length) return { text: w.t('headline.critical', undefined, critical.length), tone: 'bad' };
  const partly = historyPartly(r);
  if (partly) return { text: w.t('headline.historyPartly', { part: historyPartText(partly, w) }), tone: 'muted' };
  if (missing.includes('billing-history')) return { text: w.t('headline.openHistory'), tone: 'muted' };
  if (missing.includes('credit-grants')) return { text: w.t('headline.openGrants'), tone: 'muted' };
  if (cards.length) return { text: w.t('headline.toLookAt', undefined, cards.length), tone: 'muted' };
  if (missing.includes('overview')) return { text: w.t('headline.openOverview'), tone: 'muted' };
  return { text: w.t('headline.allGood'), tone: 'ok' };
}

/** What the alert list says when it is empty. */
export function noAlertsText(r: Report | null, w: Words): { text: string; tone: Tone } {
  const missing = r ? pagesMissing(r) : [];
  if (!r || missing.length) {
    return { text: missing.length ? w.t('headline.noAlertsMissing', { pages: pageList(missing, w) }) : w.t('headline.noAlertsYet'), tone: 'muted' };
  }
  return { text: w.t('headline.noAlerts'), tone: 'ok' };
}

const NO_MONEY = { open: 'badge.noMoneyTaken.open', void: 'badge.noMoneyTaken.void', failed: 'badge.noMoneyTaken.failed' } as const;

/** Words for the row badges. */
export const BADGE = {
  bought: (paidAt: string, likely: boolean, w: Words) => w.t(likely ? 'badge.boughtLikely' : 'badge.bought', { at: w.wall(paidAt) }),
  invoiceLine: (invoice: string, totalCents: number, taxCents: number, w: Words) => w.t('badge.invoiceLine', { invoice, total: w.money(totalCents), tax: w.money(taxCents) }),
  chargedAbove: (boundCents: number, w: Words) => w.t('badge.chargedAbove', { bound: w.money(boundCents) }),
  maybeAbove: (boundCents: number, w: Words) => w.t('badge.maybeAbove', { bound: w.money(boundCents) }),
  expiresSoon: (cents: number, w: Words) => w.t('badge.expiresSoon', { amount: w.money(cents) }),
  openInvoiceLabel: (invoice: string, w: Words) => w.t('badge.openInvoiceLabel', { invoice }),
  boughtGrant: (amountCents: number, displayedDate: string, w: Words) => w.t('badge.boughtGrant', { amount: w.money(amountCents), day: w.day(displayedDate) }),
  /** An invoice that took no money: open, void or failed. */
  noMoneyTaken: (status: string, w: Words) => (status in NO_MONEY ? w.t(NO_MONEY[status as keyof typeof NO_MONEY]) : w.t('badge.unknownStatus')),
} as const;
