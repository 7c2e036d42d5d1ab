import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_LOCALES } from '../../lib/dashboard/candidate-locales';
import { browserLocales, dateReader } from '../../lib/dashboard/dates';
import { localeDates } from '../../lib/dashboard/locale-dates';

const parser = (locale: string) => localeDates(locale)!;
const ok = (value: string) => ({ ok: true, value });

describe('dates in any locale, read by inverting Intl', () => {
  // As browsers showed them (Chromium's ICU; Node's differs in small ways, which is the point).
  it.each([
    ['vi-VN', '6:46 27 thg 5, 2026', '2026-05-27T06:46'], // the row seen in a Vietnamese browser
    ['vi-VN', '18:46 7 thg 9, 2026', '2026-09-07T18:46'],
    ['en-US', 'Nov 3, 2025, 1:02 PM', '2025-11-03T13:02'],
    ['en-US', 'Nov 3, 2025, 1:02\u202FPM', '2025-11-03T13:02'], // narrow no-break space before PM
    ['en-US', 'Nov 3, 2025 at 1:02 p.m.', '2025-11-03T13:02'],
    ['en-US', 'Nov 3, 2025, 12:05 AM', '2025-11-03T00:05'],
    ['en-US', 'Nov 3, 2025, 12:05 PM', '2025-11-03T12:05'],
    ['en-US', 'Sept 7, 2026, 6:46 PM', '2026-09-07T18:46'], // "Sept" where this ICU says "Sep"
    ['en-GB', '7 Sept 2026, 18:46', '2026-09-07T18:46'],
    ['en-GB', '30 Jun 2025, 14:35', '2025-06-30T14:35'],
    ['en-IN', '7 Sept 2026, 6:46 pm', '2026-09-07T18:46'],
    ['de-DE', '7. Sept. 2026, 18:46', '2026-09-07T18:46'],
    ['de-DE', '27.05.2026, 18:46', '2026-05-27T18:46'],
    ['de-DE', '27.05.2026 um 18:46', '2026-05-27T18:46'], // a joining word this ICU does not write
    ['fr-FR', '7 sept. 2026, 18:46', '2026-09-07T18:46'],
    ['fr-FR', '27 mai 2026 à 18:46', '2026-05-27T18:46'],
    ['es-MX', '7 sep 2026, 6:46 p.m.', '2026-09-07T18:46'],
    ['es-MX', '7 sep 2026, 6:46 p. m.', '2026-09-07T18:46'],
    ['pt-BR', '7 de set. de 2026, 18:46', '2026-09-07T18:46'],
    ['ru-RU', '7 сент. 2026 г., 18:46', '2026-09-07T18:46'],
    ['ru-RU', '27 мая 2026 г., 18:46', '2026-05-27T18:46'], // genitive month
    ['uk-UA', '7 вер. 2026 р., 18:46', '2026-09-07T18:46'],
    ['pl-PL', '7 wrz 2026, 18:46', '2026-09-07T18:46'],
    ['cs-CZ', '7. 9. 2026 18:46', '2026-09-07T18:46'],
    ['da-DK', '7. sep. 2026, 18.46', '2026-09-07T18:46'],
    ['da-DK', '7. sep. 2026 kl. 18:46', '2026-09-07T18:46'],
    ['fi-FI', '7.9.2026 klo 18.46', '2026-09-07T18:46'],
    ['hu-HU', '2026. szept. 7. 18:46', '2026-09-07T18:46'],
    ['el-GR', '7 Σεπ 2026, 6:46 μ.μ.', '2026-09-07T18:46'],
    ['id-ID', '7 Sep 2026, 18.46', '2026-09-07T18:46'],
    ['th-TH', '7 ก.ย. 2569 18:46', '2026-09-07T18:46'], // Buddhist calendar: 2569 is 2026
    ['ja-JP', '2026年9月7日 18:46', '2026-09-07T18:46'],
    ['ja-JP', '2026/09/07 午後6:46', '2026-09-07T18:46'],
    ['ko-KR', '2026년 9월 7일 오후 6:46', '2026-09-07T18:46'],
    ['ko-KR', '2026년 9월 7일 PM 6:46', '2026-09-07T18:46'],
    ['zh-TW', '2026年9月7日 下午6:46', '2026-09-07T18:46'],
    ['zh-CN', '2026年9月7日 18:46', '2026-09-07T18:46'],
    ['hi-IN', '7 सित॰ 2026, 6:46 pm', '2026-09-07T18:46'],
    ['ar-EG', '٧ سبتمبر ٢٠٢٦، ٦:٤٦ م', '2026-09-07T18:46'], // Arabic-Indic digits
    ['tr-TR', '1 Oca 2000 ÖÖ 12:00', '2000-01-01T00:00'], // a 24-hour locale on the 12-hour clock
    ['vi-VN', '6:46 CH 27 thg 5, 2026', '2026-05-27T18:46'], // a day period is never a joining word
  ])('%s: %s → %s', (locale, text, at) => {
    expect(parser(locale).dateTime(text)).toEqual(ok(at));
  });

  it.each([
    ['en-US', 'Nov 3, 2025', '2025-11-03'],
    ['en-US', 'November 3, 2025', '2025-11-03'],
    ['en-US', 'Feb 29, 2024', '2024-02-29'],
    ['en-US', '11/3/2025', '2025-11-03'],
    ['en-GB', '03 Nov 2025', '2025-11-03'],
    ['en-GB', '13/3/2025', '2025-03-13'],
    ['de-DE', '27. Mai 2026', '2026-05-27'],
    ['vi-VN', '27 thg 5, 2026', '2026-05-27'],
    ['ja-JP', '2026年5月27日', '2026-05-27'],
    ['ja-JP', '2026/05/27', '2026-05-27'],
    ['sv-SE', '2026-05-27', '2026-05-27'],
    ['pl-PL', '27 maja 2026', '2026-05-27'], // genitive, long
    ['fr-FR', '2025-11-03', '2025-11-03'], // ISO in any locale
  ])('%s: %s → %s', (locale, text, day) => {
    expect(parser(locale).day(text)).toEqual(ok(day));
  });

  it('keeps a trailing zone and reads the wall time as shown', () => {
    expect(parser('en-US').dateTime('Nov 3, 2025, 1:02 PM UTC')).toEqual({ ok: true, value: '2025-11-03T13:02', zone: 'UTC' });
    expect(parser('de-DE').dateTime('27.05.2026, 18:46 GMT+2')).toEqual({ ok: true, value: '2026-05-27T18:46', zone: 'GMT+2' });
  });

  it.each([
    ['en-US', ''],
    ['en-US', 'yesterday'],
    ['en-US', 'N/A'],
    ['en-US', 'Feb 30, 2025'],
    ['en-US', 'Feb 29, 2025'],
    ['en-US', 'Nov 3'],
    ['en-US', '1899-01-01'],
    ['en-US', '2025-13-01'],
    ['de-DE', '27052026'],
    ['de-DE', '32.05.2026'],
    ['en-GB', '3 Foo 2025'],
  ])('%s refuses the date %j with a reason', (locale, text) => {
    const r = parser(locale).day(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });

  it.each([
    ['en-US', 'Nov 3, 2025'],
    ['en-US', 'Nov 3, 2025, 13:02 PM'],
    ['en-US', 'Nov 3, 2025, 24:00'],
    ['en-US', 'Nov 3, 2025, 9:61'],
    ['en-US', 'soon'],
    ['vi-VN', '25:46 27 thg 5, 2026'],
    ['vi-VN', '6:46 27 thg 13, 2026'],
  ])('%s refuses the date-time %j', (locale, text) => {
    expect(parser(locale).dateTime(text).ok).toBe(false);
  });

  // Every moment, as Intl shows it in each of the locales and each option set the site
  // (or a browser setting) may use, reads back exactly.
  const DATE_OPTIONS: Intl.DateTimeFormatOptions[] = [
    { month: 'short', day: 'numeric', year: 'numeric' },
    { month: 'long', day: 'numeric', year: 'numeric' },
    { dateStyle: 'medium' },
    { year: 'numeric', month: 'numeric', day: 'numeric' },
    { year: 'numeric', month: '2-digit', day: '2-digit' },
  ];
  const TIME = { hour: 'numeric', minute: '2-digit' } as const;
  const moment = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31, 23, 59)), noInvalidDate: true });

  it('has at least the 31 locales of the issue', () => {
    expect(DATE_LOCALES.length).toBeGreaterThanOrEqual(31);
  });

  it('reads back random dates formatted by Intl in every locale and option set', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATE_LOCALES), fc.constantFrom(...DATE_OPTIONS), moment, fc.boolean(), (locale, options, date, withTime) => {
        const iso = date.toISOString();
        if (withTime && !('dateStyle' in options)) {
          const text = new Intl.DateTimeFormat(locale, { ...options, ...TIME, timeZone: 'UTC' }).format(date);
          expect(parser(locale).dateTime(text), `${locale} ${text}`).toEqual(ok(iso.slice(0, 16)));
        } else {
          const text = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
          expect(parser(locale).day(text), `${locale} ${text}`).toEqual(ok(iso.slice(0, 10)));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the other clock too (a 24-hour time in a 12-hour locale, and back)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATE_LOCALES), moment, fc.constantFrom('h23' as const, 'h12' as const), (locale, date, hourCycle) => {
        const text = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', ...TIME, hourCycle, timeZone: 'UTC' }).format(date);
        expect(parser(locale).dateTime(text), `${locale} ${text}`).toEqual(ok(date.toISOString().slice(0, 16)));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text, and reads no date from text without digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATE_LOCALES), fc.string({ maxLength: 40 }), (locale, text) => {
        const r = parser(locale).dateTime(text);
        const d = parser(locale).day(text);
        if (!/\d/.test(text) && !/\p{Nd}/u.test(text)) {
          expect(r.ok).toBe(false);
          expect(d.ok).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('which locale a page is in', () => {
  const days = (...texts: string[]) => texts.map((text) => ({ text, time: false }));

  it('takes the first of the browser languages that reads every date', () => {
    const r = dateReader(days('27/05/2026', '03/04/2026'), { locales: ['en-US', 'en-GB'] });
    expect(r.locale).toBe('en-GB');
    expect(r.day('03/04/2026')).toEqual(ok('2026-04-03'));
    // The browser says en-GB first: its reading wins, however en-US would read it.
    expect(dateReader(days('03/04/2026'), { locales: ['en-GB', 'en-US'] }).day('03/04/2026')).toEqual(ok('2026-04-03'));
  });

  it('without a browser, refuses a date two fitting locales read differently, naming both', () => {
    const r = dateReader(days('03/04/2026', '04/05/2026'));
    expect(r.fits).toEqual(expect.arrayContaining(['en-US', 'en-GB']));
    const d = r.day('03/04/2026');
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatch(/2026-03-04 in en-US but 2026-04-03 in en-GB/);
  });

  it('lets one unambiguous date settle the others', () => {
    const r = dateReader(days('03/04/2026', '13/04/2026'));
    expect(r.fits).not.toContain('en-US');
    expect(r.day('03/04/2026')).toEqual(ok('2026-04-03'));
  });

  it('reports the first candidate when all fitting locales agree', () => {
    const r = dateReader([{ text: '6:46 27 thg 5, 2026', time: true }]);
    expect(r.locale).toBe('vi-VN');
    expect(dateReader(days('2026年5月27日')).locale).toBe('ja-JP');
  });

  it('falls back to the locales that read the most, and says why the rest cannot be read', () => {
    const r = dateReader(days('Nov 3, 2025', 'Nov 4, 2025', 'yesterday'));
    expect(r.locale).toBe('en-US');
    const y = r.day('yesterday');
    expect(y.ok).toBe(false);
  });

  it('has no locale when there is no date', () => {
    expect(dateReader([], { locales: ['de-DE'] }).locale).toBeNull();
  });

  it('lists the browser languages, then Intl default, then English', () => {
    expect(browserLocales(['vi', 'en-US', 'en'], 'vi')).toEqual(['vi', 'en-US', 'en']);
    expect(browserLocales(['de'], 'en-US')).toEqual(['de', 'en-US']);
  });
});
