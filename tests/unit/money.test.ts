import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_LOCALES } from '../../lib/dashboard/candidate-locales';
import { decimal, formatCents, parseMoney, parseMoneyPair } from '../../lib/dashboard/money';

describe('parseMoney', () => {
  it.each([
    ['$1,234.56', 123456, 'USD'],
    ['-$0.07', -7, 'USD'],
    ['$-0.07', -7, 'USD'],
    ['($3.00)', -300, 'USD'],
    ['$6', 600, 'USD'],
    ['$10.5', 1050, 'USD'],
    ['US$10.89', 1089, 'USD'],
    ['€12.34', 1234, 'EUR'],
    ['12.34 EUR', 1234, 'EUR'],
    ['USD 5.00', 500, 'USD'],
    // The forms of the issue: as seen, and as a locale may format them.
    ['$8.80', 880, 'USD'],
    ['$1,190.00', 119000, 'USD'],
    ['US$8.80', 880, 'USD'],
    ['USD 8.80', 880, 'USD'],
    ['8,80 $', 880, 'USD'],
    ['8,80 US$', 880, 'USD'],
    ['8,80\u00A0$US', 880, 'USD'],
    ['($10.00)', -1000, 'USD'],
    ['−$0.07', -7, 'USD'],
    ['-0,07 $', -7, 'USD'],
    ['1.190,00 €', 119000, 'EUR'],
    ['1\u202F190,00 €', 119000, 'EUR'],
    // Zero-decimal currencies: JPY 1000 is 1000 yen (its minor unit), never 100,000 "cents".
    ['JPY 1000', 1000, 'JPY'],
    ['JPY 1,000', 1000, 'JPY'],
    ['1.000 JPY', 1000, 'JPY'],
    ['US$ 8,80', 880, 'USD'], // pt-BR
    ['US$ 1.190,00', 119000, 'USD'],
    ['€ 1.234,56', 123456, 'EUR'], // nl-NL
    ['KWD 1,234.500', 1234500, 'KWD'], // three minor digits
    ['$8,80', 880, 'USD'], // tr-TR
    ['$12,34,567.89', 123456789, 'USD'], // en-IN
    ['JP¥1,500', 1500, 'JPY'],
  ])('%s → %i %s', (text, cents, currency) => {
    expect(parseMoney(text)).toEqual({ cents, currency });
  });

  it.each(['', 'N/A', '$', '$1,23.00', '$1.234', '1.00', '$1e3', '--$1', '$ 1 000', 'yesterday', '$1.00 USD EUR', '$99999999999.00', 'JPY 1000.50', '¥1000', 'NEW 5', '(-$1.00)', '1.190.00 $', '8,800,00 $', 'KWD 1.234', '$1.190', '¥1,500', '$1,23,45.00'])(
    'refuses %j',
    (text) => expect(parseMoney(text)).toBeNull(),
  );

  it('round-trips every amount it formats, whatever the spacing', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }), fc.constantFrom('', ' ', '  '), (cents, pad) => {
        expect(parseMoney(`${pad}${formatCents(cents)}${pad}`)).toEqual({ cents, currency: 'USD' });
      }),
    );
  });

  it('reads back dollars as Intl writes them in each of the issue\'s locales', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATE_LOCALES), fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (locale, cents) => {
        const text = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(decimal(cents) as unknown as number);
        expect(parseMoney(text), `${locale} ${text}`).toEqual({ cents, currency: 'USD' });
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws, and reads money only where a currency is written and digits stand', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const money = parseMoney(text);
        if (money) expect(/[$€£¥₹₩₫]|[A-Z]{3}/.test(text) && /\d/.test(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatCents', () => {
  it('writes each currency with its own minor unit', () => {
    expect(formatCents(1000, 'JPY')).toBe('JPY 1,000');
    expect(formatCents(-7)).toBe('-$0.07');
    expect(formatCents(123456, 'EUR')).toBe('EUR 1,234.56');
  });
});

describe('parseMoneyPair', () => {
  it.each(['$6.00/$7.00', '$6.00 / $7.00', '$6.00 of $7.00', '6,00 $ / 7,00 $'])('reads %s as remaining and original', (text) => {
    expect(parseMoneyPair(text)).toEqual({ remaining: { cents: 600, currency: 'USD' }, original: { cents: 700, currency: 'USD' } });
  });
  it.each(['$6.00', '$6.00 / N/A', '$6.00 / €7.00', '$1/$2/$3'])('refuses %s', (text) => expect(parseMoneyPair(text)).toBeNull());
});
