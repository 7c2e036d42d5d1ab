// English with fixed formats (en-US, 24-hour, "$8.40"): the words of the report's `message`s, the
// CLI and the support request as support reads it, whatever the browser's language. The sentences
// are locales/en.json, the same file the extension's English comes from, read here without the
// browser (Node, the background worker). Only the engine imports this: the content script and the
// pages say things through components/format.ts.
import en from '../../locales/en.json';
import { formatCents } from '../dashboard/money';
import { PAGE_KINDS, type PageKind } from '../dashboard/pages/kinds';
import { unknownTime } from '../wall-clock';
import { pageName, pagePurpose, type MessageKey, type Subs, type Words } from './wording';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 3, 2026": from the digits alone, so no time zone (nor a daylight-saving gap) moves it. */
function plainDay(day: string): string {
  return `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}, ${day.slice(0, 4)}`;
}

/** "Nov 3, 2026 13:02", as the page's wall clock shows it. */
function plainWall(at: string): string {
  return at.length > 10 ? `${plainDay(at)} ${at.slice(11, 16)}` : plainDay(at);
}

type Catalogue = { [key: string]: string | Catalogue };

/**
 * What browser.i18n.getMessage and @wxt-dev/i18n do with a message: pick the plural form
 * ("0 | 1 | n" or "1 | n"), fill $1 with the count, turn $$ into $, then fill {named} values.
 */
export function sayMessage(message: string | Catalogue | undefined, key: string, subs?: Subs, count?: number): string {
  if (message === undefined) throw new Error(`No English words for ${key}`);
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const forms = message as Record<string, string>;
    text = (count === 0 && forms['0'] !== undefined ? forms['0'] : count === 1 && forms['1'] !== undefined ? forms['1'] : forms.n) ?? '';
  }
  text = text.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : c === '1' && count !== undefined ? String(count) : ''));
  if (!subs) return text;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (m, name: string) => (Object.prototype.hasOwnProperty.call(subs, name) ? String(subs[name]) : m));
}

function lookup(key: string): string | Catalogue | undefined {
  let at: string | Catalogue | undefined = en as Catalogue;
  for (const part of key.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  return at;
}

export const PLAIN: Words = {
  money: (c) => formatCents(c),
  wall: (at) => (unknownTime(at) ? PLAIN.t('time.notKnown') : plainWall(at)),
  day: (d) => (unknownTime(d) ? PLAIN.t('time.notKnown') : plainDay(d)),
  t: (key: MessageKey, subs?: Subs, count?: number) => sayMessage(lookup(key), key, subs, count),
  join: (sentences) => sentences.join(' '),
  number: (n, digits = 0) => n.toFixed(digits),
  // Whole rates as they are (20%, not 2%); fractions without trailing zeros (8.25%).
  percent: (bp) => `${bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(3).replace(/0+$/, '')}%`,
};

/** PLAIN, with money in the account's currency ("EUR 10.89" for an account in euros). */
export function plainFor(currency: string): Words {
  return currency === 'USD' ? PLAIN : { ...PLAIN, money: (c) => formatCents(c, currency) };
}

const byPage = (say: (p: PageKind, w: Words) => string) => Object.fromEntries(PAGE_KINDS.map((p) => [p, say(p, PLAIN)])) as Record<PageKind, string>;

/** "the credit grants page", … and why each is needed (English, for the CLI). */
export const PAGE_NAMES = byPage(pageName);
export const PAGE_PURPOSES = byPage(pagePurpose);

export function taxRateText(basisPoints: number): string {
  return PLAIN.percent(basisPoints);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
