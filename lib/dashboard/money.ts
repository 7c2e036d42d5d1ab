// Money as the pages show it, to integer cents. Strict: anything unusual is null, never a guess.

export interface Money {
  cents: number;
  currency: string;
}

const SYMBOLS: Record<string, string> = { $: 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP' };
// Whole dollars: grouped, or plain without leading zeros ("00.01" is a misread, not a cent).
const AMOUNT = String.raw`([1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.(\d{1,2}))?`;
const SYMBOL_FIRST = new RegExp(String.raw`^(-|−)?\s*(US\$|\$|€|£)\s*(-|−)?\s*${AMOUNT}$`);
const CODE_AROUND = new RegExp(String.raw`^(-|−)?\s*(?:([A-Z]{3})\s*)?(-|−)?${AMOUNT}(?:\s*([A-Z]{3}))?$`);
const MAX_CENTS = 1_000_000_000_00; // a billion dollars: beyond it, a misread

function toCents(whole: string, fraction: string | undefined): number | null {
  const dollars = Number(whole.replace(/,/g, ''));
  const cents = dollars * 100 + Number((fraction ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) && cents <= MAX_CENTS ? cents : null;
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

function parseMoneyUncached(raw: string): Money | null {
  let text = raw.trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1]!.trim();
  }
  const s = SYMBOL_FIRST.exec(text);
  if (s) {
    if (s[1] && s[3]) return null;
    const cents = toCents(s[4]!, s[5]);
    if (cents === null) return null;
    const sign = negative !== Boolean(s[1] || s[3]) ? -1 : 1;
    return { cents: sign * cents || 0, currency: SYMBOLS[s[2]!]! };
  }
  const c = CODE_AROUND.exec(text);
  if (c && (c[2] || c[6]) && !(c[2] && c[6])) {
    if (c[1] && c[3]) return null;
    const cents = toCents(c[4]!, c[5]);
    if (cents === null) return null;
    const sign = negative !== Boolean(c[1] || c[3]) ? -1 : 1;
    return { cents: sign * cents || 0, currency: (c[2] ?? c[6])! };
  }
  return null;
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

/** Display form used in warnings and the CLI: "$1,234.56", "-$0.07", "EUR 3.00". */
export function formatCents(cents: number, currency = 'USD'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const amount = `${whole}.${String(abs % 100).padStart(2, '0')}`;
  return currency === 'USD' ? `${sign}$${amount}` : `${sign}${currency} ${amount}`;
}

/** Money as a plain decimal string ("10.89", "-0.07"), built from integer cents; '' for none. */
export function decimal(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
