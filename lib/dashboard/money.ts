// Money as the pages show it, to integer minor units (cents for USD). Strict: anything unusual is
// null, never a guess. The site shows `$8.80`; locale-formatted forms (`8,80 $`, `8,80 US$`,
// `USD 8.80`) are possible, so they are read too, each only where it cannot mean another amount.

export interface Money {
  /** Integer minor units of `currency`: cents for USD, whole yen for JPY (no minor unit). */
  cents: number;
  /** ISO 4217 code. */
  currency: string;
}

// Symbols that name one currency only, as Intl writes them ("¥" is yen or yuan, "kr" four
// crowns: a code is needed there). "$" is the site's: US dollars.
const SYMBOLS: Record<string, string> = { $: 'USD', US$: 'USD', $US: 'USD', 'JP¥': 'JPY', 'CN¥': 'CNY', CA$: 'CAD', A$: 'AUD', MX$: 'MXN', R$: 'BRL', '€': 'EUR', '£': 'GBP', '₹': 'INR', '₩': 'KRW', '₫': 'VND' };
const MAX_MAJOR = 1_000_000_000; // a billion: beyond it, a misread

let knownCodes: Set<string> | null = null;
/** ISO codes Intl knows; without Intl.supportedValuesOf, any three capitals. */
function isCurrencyCode(code: string): boolean {
  if (!knownCodes) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    knownCodes = new Set(supported ? supported('currency') : []);
  }
  return knownCodes.size ? knownCodes.has(code) : /^[A-Z]{3}$/.test(code);
}

const digitsCache = new Map<string, number>();
/** How many minor-unit digits a currency has, as Intl formats it (JPY 0, USD 2, KWD 3). */
export function minorDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(currency, d);
  }
  return d;
}

const MINUS = /^[-−‒–]$/;
const CURRENCY = String.raw`US\s?\$|\$\s?US|JP¥|CN¥|CA\$|A\$|MX\$|R\$|\$|€|£|₹|₩|₫|[A-Z]{3}`;
// sign? currency? sign? number currency? — spaces of any kind already made plain by tidy().
const SHAPE = new RegExp(String.raw`^([-−‒–])?\s*(${CURRENCY})?\s*([-−‒–])?\s*(\d[\d.,' ]*\d|\d)\s*(${CURRENCY})?\s*([-−‒–])?$`);

function tidy(raw: string): string {
  return raw
    .replace(/[\u00A0\u2007\u2009\u202F]/g, ' ')
    .replace(/[\u200B-\u200F\u2066-\u2069\u061C]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A number in either convention, to minor units, or null when it is not unambiguously one:
 * the decimal mark is the last "." or "," followed by 1..minor digits at the end; every other
 * mark groups three digits (or, with commas, the Indian 12,34,567), all marks alike. After a bare
 * "$", a number grouped with dots or spaces and no decimals ("$1.234") is refused: 1.234 or 1,234?
 */
function toMinor(number: string, minor: number, dollarSign: boolean): number | null {
  let whole = number;
  let fraction = '';
  const decimal = /([.,])(\d+)$/.exec(number);
  // "1.234" in a currency with three minor digits: a decimal or a thousands mark? Cannot tell.
  if (decimal && decimal[2]!.length === 3 && minor >= 3 && !/[.,' ]/.test(number.slice(0, decimal.index))) return null;
  if (decimal && decimal[2]!.length <= minor && (decimal[2]!.length !== 3 || minor >= 3)) {
    whole = number.slice(0, decimal.index);
    fraction = decimal[2]!;
  }
  if (!/^\d/.test(whole)) return null;
  const groups = whole.split(/[.,' ]/);
  if (groups.length > 1) {
    const marks = new Set(whole.replace(/\d/g, ''));
    if (marks.size !== 1) return null;
    const mark = [...marks][0]!;
    if (dollarSign && mark !== ',' && !fraction) return null;
    if (fraction && decimal![1] === mark) return null;
    const thousands = /^[1-9]\d{0,2}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
    const indian = mark === ',' && /^[1-9]\d?$/.test(groups[0]!) && groups.slice(1, -1).every((g) => /^\d{2}$/.test(g)) && /^\d{3}$/.test(groups[groups.length - 1]!);
    if (!thousands && !indian) return null;
  } else if (/^0\d/.test(whole)) {
    return null; // "00.01" is a misread, not a cent
  }
  const major = Number(groups.join(''));
  if (!Number.isSafeInteger(major) || major > MAX_MAJOR) return null;
  return major * 10 ** minor + Number(fraction.padEnd(minor, '0') || '0');
}

// Pages repeat the same amounts: remember answers (values are never mutated by callers).
const moneyCache = new Map<string, Money | null>();

export function parseMoney(raw: string): Money | null {
  const hit = moneyCache.get(raw);
  if (hit !== undefined) return hit === null ? null : { ...hit };
  const result = parseMoneyUncached(raw);
  if (moneyCache.size > 5000) moneyCache.clear();
  moneyCache.set(raw, result);
  return result === null ? null : { ...result };
}

function currencyOf(token: string): string | null {
  const t = token.replace(/\s/g, '');
  const symbol = SYMBOLS[t];
  if (symbol) return symbol;
  return /^[A-Z]{3}$/.test(t) && isCurrencyCode(t) ? t : null;
}

function parseMoneyUncached(raw: string): Money | null {
  let text = tidy(raw);
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1]!.trim();
  }
  const m = SHAPE.exec(text);
  if (!m) return null;
  const [, sign1, before, sign2, number, after, sign3] = m;
  if ((before ? 1 : 0) + (after ? 1 : 0) !== 1) return null;
  const signs = [sign1, sign2, sign3].filter(Boolean);
  if (signs.length > 1 || (negative && signs.length)) return null;
  if (sign3 && !after) return null;
  const currency = currencyOf((before ?? after)!);
  if (!currency) return null;
  const minor = minorDigits(currency);
  const value = toMinor(number!, minor, (before ?? after)!.trim() === '$');
  if (value === null) return null;
  const sign = negative || signs.some((s) => MINUS.test(s!)) ? -1 : 1;
  return { cents: sign * value || 0, currency };
}

/** "$6.00/$7.00", "$6.00 / $7.00", "$6.00 of $7.00": remaining and original. */
export function parseMoneyPair(raw: string): { remaining: Money; original: Money } | null {
  const parts = raw.split(/\s*\/\s*|\s+of\s+/i);
  if (parts.length !== 2) return null;
  const remaining = parseMoney(parts[0]!);
  const original = parseMoney(parts[1]!);
  if (!remaining || !original || remaining.currency !== original.currency) return null;
  return { remaining, original };
}

function amountText(abs: number, minor: number): string {
  const unit = 10 ** minor;
  const whole = String(Math.floor(abs / unit)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return minor ? `${whole}.${String(abs % unit).padStart(minor, '0')}` : whole;
}

/** Display form used in warnings and the CLI: "$1,234.56", "-$0.07", "EUR 3.00", "JPY 1,000". */
export function formatCents(cents: number, currency = 'USD'): string {
  const sign = cents < 0 ? '-' : '';
  const amount = amountText(Math.abs(cents), currency === 'USD' ? 2 : minorDigits(currency));
  return currency === 'USD' ? `${sign}$${amount}` : `${sign}${currency} ${amount}`;
}

/** Money as a plain decimal string ("10.89", "-0.07"), built from integer cents; '' for none. */
export function decimal(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
