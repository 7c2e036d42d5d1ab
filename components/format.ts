// The one formatter of every surface (panel, row badges, popup, options, statement): the words in
// the browser's language (locales/, through @wxt-dev/i18n) and dates, times and money in its
// locale (Intl, built once per currency). Values arrive as integer minor units and wall-clock
// strings; Dates are built from their numeric parts, never parsed from text, and formatted as the
// same wall clock in UTC, so no time zone (nor a daylight-saving gap) moves them.
import { i18n } from '#i18n';
import { minorDigits } from '../lib/dashboard/money';
import { accountCurrency } from '../lib/exports/currency';
import type { MessageKey, Subs, Words } from '../lib/exports/wording';
import type { Report } from '../lib/report-schema';
import { unknownTime } from '../lib/wall-clock';

/**
 * The locale of every date, time and amount: the language the words are in (the browser chose
 * that locale file), in the browser's own region when it prefers one for that language (en-GB
 * writes 31 Oct 2026, en-US Oct 31, 2026). Not getUILanguage: Chromium answers en-US there while
 * it shows German words.
 */
export function uiLocale(): string {
  let language = 'en';
  try {
    language = i18n.t('meta.locale') || 'en';
  } catch {
    language = 'en';
  }
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  const preferred = typeof navigator !== 'undefined' ? [...(navigator.languages ?? []), navigator.language].filter(Boolean) : [];
  const tag = preferred.find((l) => primary(l) === primary(language)) ?? language;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag).length ? tag : language;
  } catch {
    return language;
  }
}

/** YYYY-MM-DD[THH:mm[:ss]] as the instant whose UTC wall clock it is (for formatting only). */
function asUtc(at: string): Date {
  const n = at.split(/[-T:]/).map(Number);
  return new Date(Date.UTC(n[0]!, n[1]! - 1, n[2]!, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0));
}

/** Minor units as an exact decimal string: Intl formats it without a float ever holding it. */
function decimalOf(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
}

/** Languages that write sentences without a space between them. */
const NO_SPACE = /^(ja|zh)\b/;

function makeWords(locale: string, currency: string): Words {
  let money: Intl.NumberFormat;
  try {
    money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
  }
  const digits = minorDigits(currency);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 });
  const t = (key: MessageKey, subs?: Subs, count?: number): string =>
    // The typed signature varies by key; this one door serves every key.
    count === undefined ? (i18n.t as (k: string, s?: Subs) => string)(key, subs) : (i18n.t as (k: string, n: number, s?: Subs) => string)(key, count, subs);
  const wall = (at: string) => (unknownTime(at) ? t('time.notKnown') : at.length > 10 ? dateTime.format(asUtc(at)) : dateOnly.format(asUtc(at)));
  return {
    t,
    money: (cents) => money.format(decimalOf(cents, digits) as unknown as number),
    wall,
    day: (d) => (unknownTime(d) ? t('time.notKnown') : dateOnly.format(asUtc(d.slice(0, 10)))),
    join: (sentences) => sentences.join(NO_SPACE.test(locale) ? '' : ' '),
    number: (n, digits = 0) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n),
    percent: (bp) => percent.format(bp / 10_000),
  };
}

const cache = new Map<string, Words>();

/** The words and formats of the browser's language, with money in `currency` (the account's). */
export function words(currency = 'USD'): Words {
  let w = cache.get(currency);
  if (!w) cache.set(currency, (w = makeWords(uiLocale(), currency)));
  return w;
}

/** The words for one report: its money in the account's own currency. */
export function wordsFor(report: Report | null): Words {
  return words(report ? accountCurrency(report) : 'USD');
}

/** A time of day alone ("1:02 PM"), for an axis whose dates are said once. */
export function clock(at: string): string {
  return clockFormat().format(asUtc(at));
}
let clockCache: Intl.DateTimeFormat | null = null;
const clockFormat = () => (clockCache ??= new Intl.DateTimeFormat(uiLocale(), { timeStyle: 'short', timeZone: 'UTC' }));

/** A month ("November 2026") from YYYY-MM. */
export function monthName(month: string): string {
  return (monthCache ??= new Intl.DateTimeFormat(uiLocale(), { year: 'numeric', month: 'long', timeZone: 'UTC' })).format(asUtc(`${month}-01`));
}
let monthCache: Intl.DateTimeFormat | null = null;

/** Items joined as the language lists alternatives ("A, B or C"). */
export function orList(items: string[]): string {
  try {
    return new Intl.ListFormat(uiLocale(), { type: 'disjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** Shorthand for the words of the browser's language. */
export const t = (key: MessageKey, subs?: Subs, count?: number): string => words().t(key, subs, count);
