// Dates as one locale shows them, read by inverting Intl.DateTimeFormat: the order of the parts
// and the words between them come from formatToParts, month names (in the context of a full date
// and standalone, short and long) and day periods from formatting known dates, the calendar and
// the digits from resolvedOptions. No table per language. Lenient where browsers' ICU versions
// differ (kinds of space, case, dots, the words joining date and time, "Sept" for "Sep"), strict
// with numbers. Results are wall-clock strings (YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss]): no zone shift.

export type DateResult = { ok: true; value: string; zone?: string } | { ok: false; reason: string };

// Results whose month was read by its name: no other locale can read their text as another day.
const NAMED = new WeakSet<DateResult>();
export const readByName = (r: DateResult): boolean => NAMED.has(r);

export interface LocaleDates {
  /** The locale as asked for ("vi", "de-DE"). */
  readonly locale: string;
  day(raw: string): DateResult;
  dateTime(raw: string): DateResult;
  /** A day shown without its year ("Nov 1" in "Nov 1 – Nov 30, 2026"): month and day, or null. */
  monthDay(raw: string): { month: number; day: number } | null;
}

type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'dayPeriod' | 'joiner';
interface Template {
  re: RegExp;
  fields: Field[];
  /** The month is a name (looked up) rather than a number. */
  monthName: boolean;
}

const DATE_OPTIONS: Intl.DateTimeFormatOptions[] = [
  { year: 'numeric', month: 'short', day: 'numeric' }, // what the site uses
  { year: 'numeric', month: 'long', day: 'numeric' },
  { year: 'numeric', month: 'numeric', day: 'numeric' },
  { year: 'numeric', month: '2-digit', day: '2-digit' },
];
const DATE_STYLES = ['medium', 'long'] as const;
const TIME_OPTIONS: Intl.DateTimeFormatOptions[] = [
  { hour: 'numeric', minute: '2-digit' }, // what the site uses
  { hour: 'numeric', minute: '2-digit', second: '2-digit' },
];
// The locale's own clock first, then both others: a browser or a page may choose either.
const HOUR_CYCLES: (Intl.DateTimeFormatOptions['hourCycle'] | undefined)[] = [undefined, 'h23', 'h12'];
const MONTH_DAY_OPTIONS: Intl.DateTimeFormatOptions[] = [
  { month: 'short', day: 'numeric' },
  { month: 'long', day: 'numeric' },
];

const DATE_FIELDS = new Set<string>(['year', 'month', 'day']);
const TIME_FIELDS = new Set<string>(['hour', 'minute', 'second', 'dayPeriod']);
const SAMPLE = Date.UTC(2026, 10, 23, 13, 45, 56);
const DAY_MS = 86_400_000;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pad = (n: number) => String(n).padStart(2, '0');

/** The form both templates and page text are compared in. */
function normalizer(digits: Map<string, string>): (raw: string) => string {
  return (raw) => {
    let s = raw.normalize('NFKC').toLowerCase();
    if (digits.size) s = s.replace(/\p{Nd}/gu, (d) => digits.get(d) ?? d);
    return s
      .replace(/[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
      .replace(/([\p{L}\p{M}])[.\u0970]/gu, '$1') // "Sept." = "Sept", "p.m." = "pm", "सित॰" = "सित"
      .replace(/\s+/g, ' ')
      .trim();
  };
}

/** Regex source for a name: spaces optional inside a short one ("p m" = "pm"). */
function nameSource(name: string): string {
  const chars = [...name.replace(/ /g, '')];
  return chars.length <= 4 ? chars.map(escape).join('\\s?') : escape(name).replace(/ /g, '\\s?');
}

function alternation(names: Iterable<string>): string {
  return [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map(nameSource)
    .join('|');
}

/** A literal between parts, matched leniently: any spaces, optional commas and dots, any separator kind. */
function literalSource(text: string, betweenNumbers: boolean): string {
  let out = '';
  for (const token of text.match(/\s+|[,،、]|[.]|[/\-:]|[\p{L}\p{M}]+|./gu) ?? []) {
    if (/^\s+$/.test(token)) out += '\\s*';
    else if (/^[,،、]$/.test(token)) out += '[,،、]?';
    else if (token === '.') out += betweenNumbers ? '[./\\-:]' : '\\.?';
    else if (/^[/\-:]$/.test(token)) out += '[./\\-:]';
    else out += escape(token);
  }
  // Two numbers need something between them: "27052026" is not a date.
  return betweenNumbers ? `(?=\\D)${out}` : out;
}

// Between the date and the time: spaces, commas, and up to three short joining words ("à", "um",
// "kl.", "klo", "at", "г.", "日"), whatever this ICU puts there; never a day period ("SA", "오후").
// Letters are any script's (\p{L}\p{M}), but a Unicode property class costs about a millisecond to
// compile in every template that holds it (hundreds, over the CLI's 31 locales): the templates
// take any word character that is not a space, digit or separator, and JOINER_WORDS, compiled
// once, then checks the joining words are letters.
const WORD = '[^\\s\\d,.،、]';
function joinerSource(periods: string): string {
  const notPeriod = periods ? `(?!(?:${periods})(?!${WORD}))` : '';
  return `(?=\\D)([\\s,.،、]*(?:${notPeriod}${WORD}{1,6}[\\s,.،、]*){0,3})`;
}
const JOINER_WORDS = /^[\s,.،、]*(?:[\p{L}\p{M}]{1,6}[\s,.،、]*){0,3}$/u;

function isNumeric(field: Field, monthName: boolean): boolean {
  return field !== 'dayPeriod' && !(field === 'month' && monthName);
}

type Kind = 'day' | 'time' | 'monthDay';
type Tier = 0 | 1;

// Tier 0 is what the site uses: built first, and all most pages need. Tier 1 is every other form
// Intl gives, built only when a text does not fit tier 0 (building costs tens of ms in a browser).
const SITE_DAY = DATE_OPTIONS[0]!;
const SITE_TIME: Intl.DateTimeFormatOptions = { ...SITE_DAY, ...TIME_OPTIONS[0] };

function optionsOf(kind: Kind, tier: Tier): Intl.DateTimeFormatOptions[] {
  if (kind === 'monthDay') return [MONTH_DAY_OPTIONS[tier]!];
  if (kind === 'day') return tier === 0 ? [SITE_DAY] : [...DATE_OPTIONS.slice(1), ...DATE_STYLES.map((s) => ({ dateStyle: s }))];
  if (tier === 0) return [SITE_TIME];
  const options: Intl.DateTimeFormatOptions[] = [];
  for (const cycle of HOUR_CYCLES) {
    const clock = cycle ? { hourCycle: cycle } : {};
    for (const d of DATE_OPTIONS) for (const t of TIME_OPTIONS) options.push({ ...d, ...t, ...clock });
    for (const s of DATE_STYLES) for (const t of ['short', 'medium'] as const) options.push({ dateStyle: s, timeStyle: t, ...clock });
  }
  return options;
}

// Where month names come from: in a full date (genitive forms), short and long, then alone.
const MONTH_SOURCES: Intl.DateTimeFormatOptions[][] = [
  [SITE_DAY, DATE_OPTIONS[1]!],
  [...MONTH_DAY_OPTIONS, { month: 'short' }, { month: 'long' }, ...DATE_STYLES.map((s) => ({ dateStyle: s }))],
];

class IntlDates implements LocaleDates {
  readonly locale: string;
  private readonly resolved: string;
  private readonly calendar: string;
  private readonly normalize: (raw: string) => string;
  /** Month name (spaces removed) → month number in the locale's calendar. */
  private readonly months = new Map<string, number>();
  private readonly monthNames = new Map<string, Set<number>>();
  private readonly shortNames = new Map<number, Set<string>>();
  private readonly longNames = new Map<number, Set<string>>();
  private monthSource = '';
  private monthTier = -1;
  /** Day period name → the 24-hour hours Intl shows it for. */
  private readonly periods = new Map<string, Set<number>>();
  private periodTier = -1;
  private readonly templates: Record<Kind, Template[][]> = { day: [], time: [], monthDay: [] };
  private readonly formatters = new Map<string, Intl.DateTimeFormat>();
  /** Answers kept per kind, by the raw text (a page asks each date more than once). */
  private readonly days = new Map<string, DateResult>();
  private readonly times = new Map<string, DateResult>();
  private readonly toGregorian: (y: number, m: number, d: number) => [number, number, number] | null;

  constructor(locale: string) {
    this.locale = locale;
    const base = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).resolvedOptions();
    this.resolved = base.locale;
    this.calendar = base.calendar;
    this.normalize = normalizer(localeDigits(locale, base.numberingSystem));
    this.toGregorian = calendarConverter(this.resolved, this.calendar);
  }

  /** The templates of one kind and tier, built on first use. */
  private tier(kind: Kind, tier: Tier): Template[] {
    const built = this.templates[kind];
    while (built.length <= tier) {
      const t = built.length as Tier;
      this.collectMonths(t);
      if (kind === 'time') this.collectPeriods(t);
      built.push(this.build(optionsOf(kind, t)));
    }
    return built[tier]!;
  }

  private formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const key = JSON.stringify(options);
    let f = this.formatters.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(this.locale, { ...options, timeZone: 'UTC' });
      this.formatters.set(key, f);
    }
    return f;
  }

  /** Month names as they appear in full dates (genitive forms) and alone, short and long. */
  private collectMonths(upTo: Tier): void {
    while (this.monthTier < upTo) {
      this.monthTier++;
      this.addMonthNames(MONTH_SOURCES[this.monthTier]!);
    }
  }

  private addMonthNames(sources: Intl.DateTimeFormatOptions[]): void {
    const formats = sources.map((o) => ({ f: this.formatter(o), long: o.month === 'long' || o.dateStyle === 'long' }));
    // Gregorian-like calendars need one day a month; others are sampled weekly over two years.
    const gregorianMonths = ['gregory', 'iso8601', 'buddhist', 'roc'].includes(this.calendar);
    const samples = gregorianMonths ? Array.from({ length: 12 }, (_, m) => Date.UTC(2026, m, 15, 12)) : Array.from({ length: 110 }, (_, k) => Date.UTC(2025, 0, 3 + 7 * k, 12));
    const numeric = gregorianMonths ? null : new Intl.DateTimeFormat(this.resolved, { calendar: this.calendar, numberingSystem: 'latn', month: 'numeric', timeZone: 'UTC' });
    const add = (map: Map<number, Set<string>>, month: number, name: string) => {
      if (!map.has(month)) map.set(month, new Set());
      map.get(month)!.add(name);
    };
    samples.forEach((t, k) => {
      const month = numeric ? Number(numeric.formatToParts(t).find((p) => p.type === 'month')?.value) : k + 1;
      if (!Number.isInteger(month)) return;
      for (const { f, long } of formats) {
        const value = f.formatToParts(t).find((p) => p.type === 'month')?.value;
        const name = value && this.normalize(value);
        if (!name || /^\d+$/.test(name)) continue;
        if (!this.monthNames.has(name)) this.monthNames.set(name, new Set());
        this.monthNames.get(name)!.add(month);
        add(long ? this.longNames : this.shortNames, month, name);
      }
    });
    // "Sept" where this ICU says "Sep": any cut of the long name at least as long as a short one.
    const seen = new Map(this.monthNames);
    for (const [month, shorts] of this.shortNames) {
      for (const long of this.longNames.get(month) ?? []) {
        for (const short of shorts) {
          if (!long.startsWith(short)) continue;
          for (let k = short.length + 1; k < long.length; k++) {
            const cut = long.slice(0, k);
            seen.set(cut, new Set([...(seen.get(cut) ?? []), month]));
          }
        }
      }
    }
    const names: string[] = [];
    this.months.clear();
    for (const [name, months] of seen) {
      if (months.size !== 1) continue; // a name two months share tells nothing
      names.push(name);
      this.months.set(name.replace(/\s/g, ''), [...months][0]!);
    }
    this.monthSource = alternation(names);
  }

  /** Every day period the locale shows (AM/PM and the flexible "in the afternoon" kinds), by hour. */
  private collectPeriods(upTo: Tier): void {
    while (this.periodTier < upTo) {
      this.periodTier++;
      // Tier 0 knows the 12-hour clock's periods even in a 24-hour locale: a date-time that shows
      // one ("ÖÖ 12:00") must not read as another form with the period taken for a joining word.
      const formats =
        this.periodTier === 0
          ? [this.formatter(SITE_TIME), this.formatter({ ...SITE_TIME, hourCycle: 'h12' })]
          : [
              this.formatter({ timeStyle: 'short', hourCycle: 'h12' }),
              ...(['narrow', 'short', 'long'] as const).map((dayPeriod) => this.formatter({ hour: 'numeric', dayPeriod })),
            ];
      for (const f of formats) {
        // Whole hours: a period that starts at a half hour still names its side of noon.
        for (let h = 0; h < 24; h++) {
          const value = f.formatToParts(Date.UTC(2026, 0, 15, h)).find((p) => p.type === 'dayPeriod')?.value;
          if (!value) continue;
          const name = this.normalize(value);
          if (!this.periods.has(name)) this.periods.set(name, new Set());
          this.periods.get(name)!.add(h);
        }
      }
    }
  }

  private build(optionSets: Intl.DateTimeFormatOptions[]): Template[] {
    const templates: Template[] = [];
    const sources = new Set<string>();
    for (const options of optionSets) {
      const template = this.template(options);
      if (template && !sources.has(template.re.source)) {
        sources.add(template.re.source);
        templates.push(template);
      }
    }
    return templates;
  }

  /** A literal as page text shows it, keeping whether space surrounds it. */
  private literal(value: string): string {
    const core = this.normalize(value);
    return `${/^\s/u.test(value) ? ' ' : ''}${core}${core && /\s$/u.test(value) ? ' ' : ''}` || ' ';
  }

  private template(options: Intl.DateTimeFormatOptions): Template | null {
    let parts: Intl.DateTimeFormatPart[];
    try {
      parts = this.formatter(options).formatToParts(SAMPLE);
    } catch {
      return null;
    }
    const fields: Field[] = [];
    const pieces: { field?: Field; literal?: string }[] = [];
    let monthName = false;
    for (const p of parts) {
      if (p.type === 'literal') pieces.push({ literal: this.literal(p.value) });
      else if (DATE_FIELDS.has(p.type) || TIME_FIELDS.has(p.type)) {
        if (p.type === 'month' && !/^\d+$/.test(this.normalize(p.value))) monthName = true;
        pieces.push({ field: p.type as Field });
      } else return null; // eras, weekdays, cyclic years: not forms the pages use
    }
    if (monthName && this.months.size === 0) return null;
    const months = this.monthSource;
    const periods = alternation(this.periods.keys());
    let source = '';
    pieces.forEach((piece, k) => {
      if (piece.field) {
        fields.push(piece.field);
        const f = piece.field;
        source += f === 'year' ? '(\\d{4})' : f === 'month' && monthName ? `(${months})` : f === 'dayPeriod' ? `(${periods})` : f === 'minute' || f === 'second' ? '(\\d{2})' : '(\\d{1,2})';
        return;
      }
      const before = pieces[k - 1]?.field;
      const after = pieces[k + 1]?.field;
      if (!before || !after) {
        source += `(?:${literalSource(piece.literal!, false)})?`; // leading or trailing words: optional
      } else if (DATE_FIELDS.has(before) !== DATE_FIELDS.has(after)) {
        fields.push('joiner');
        source += joinerSource(periods);
      } else {
        source += literalSource(piece.literal!, isNumeric(before, monthName) && isNumeric(after, monthName));
      }
    });
    return { re: new RegExp(`^${source}$`, 'u'), fields, monthName };
  }

  private static keep(cache: Map<string, DateResult>, raw: string, result: DateResult): DateResult {
    if (cache.size > 20_000) cache.clear();
    cache.set(raw, result);
    return result;
  }

  day(raw: string): DateResult {
    return this.days.get(raw) ?? IntlDates.keep(this.days, raw, this.readDay(raw));
  }

  private readDay(raw: string): DateResult {
    const text = this.normalize(raw);
    if (!text) return { ok: false, reason: 'the date is empty' };
    // Year first, Gregorian: unless the locale's own calendar reads it (1405/03/06 in fa-IR).
    const iso = isoDay(text);
    if (iso?.ok) return iso;
    const r = this.match(text, raw, 'day');
    return r ?? iso ?? { ok: false, reason: `"${cut(raw)}" is not a date as ${this.locale} shows dates` };
  }

  dateTime(raw: string): DateResult {
    return this.times.get(raw) ?? IntlDates.keep(this.times, raw, this.readDateTime(raw));
  }

  private readDateTime(raw: string): DateResult {
    const text = this.normalize(raw);
    if (!text) return { ok: false, reason: 'the date is empty' };
    const r = isoDateTime(text) ?? this.match(text, raw, 'time');
    if (!r?.ok) {
      // A trailing zone ("UTC", "GMT+2"): read the wall time as shown, and keep the zone.
      const z = splitZone(raw);
      const zoned = z.zone ? (isoDateTime(this.normalize(z.text)) ?? this.match(this.normalize(z.text), raw, 'time')) : null;
      if (zoned?.ok) return { ...zoned, zone: z.zone };
    }
    if (r) return r;
    const dayOnly = this.day(raw);
    if (dayOnly?.ok) return { ok: false, reason: `"${cut(raw)}" has no time of day` };
    return { ok: false, reason: `"${cut(raw)}" is not a date and time as ${this.locale} shows them` };
  }

  monthDay(raw: string): { month: number; day: number } | null {
    const text = this.normalize(raw);
    for (const t of [...this.tier('monthDay', 0), ...this.tier('monthDay', 1)]) {
      const m = execTemplate(t, text);
      if (!m) continue;
      const v = this.values(t, m);
      if (v && v.month >= 1 && v.month <= 12 && v.day >= 1 && v.day <= 31) return { month: v.month, day: v.day };
    }
    return null;
  }

  private values(t: Template, m: RegExpExecArray): Record<Field, number> | null {
    const v = { year: NaN, month: NaN, day: NaN, hour: NaN, minute: NaN, second: NaN, dayPeriod: NaN } as Record<Field, number>;
    for (let k = 0; k < t.fields.length; k++) {
      const f = t.fields[k]!;
      const text = m[k + 1]!;
      if (f === 'joiner') continue;
      if (f === 'dayPeriod') {
        const hour = Number(m[t.fields.indexOf('hour') + 1]);
        const h = this.hourWithPeriod(hour, text.replace(/\s/g, ''));
        if (h === null) return null;
        v.dayPeriod = h;
      } else if (f === 'month' && t.monthName) {
        const month = this.months.get(text.replace(/\s/g, ''));
        if (month === undefined) return null;
        v.month = month;
      } else {
        v[f] = Number(text);
      }
    }
    if (t.fields.includes('dayPeriod')) v.hour = v.dayPeriod;
    return v;
  }

  /** "6" + "CH" → 18: the hour the locale shows with that period, or by which half of the day it names. */
  private hourWithPeriod(shown: number, period: string): number | null {
    const hours = this.periods.get(period) ?? [...this.periods].find(([name]) => name.replace(/\s/g, '') === period)?.[1];
    if (!hours || shown > 12) return null;
    const fits = [shown % 12, (shown % 12) + 12].filter((h) => hours.has(h));
    if (fits.length === 1) return fits[0]!;
    if ([...hours].every((h) => h >= 12)) return (shown % 12) + 12;
    if ([...hours].every((h) => h < 12)) return shown % 12;
    return null;
  }

  private readonly last: Record<'day' | 'time', Template | null> = { day: null, time: null };

  /** The first template that reads the text: the last one that did (a page keeps one form), then tier 0, then tier 1. */
  private match(text: string, raw: string, kind: 'day' | 'time'): DateResult | null {
    const last = this.last[kind];
    const lastMatch = last && execTemplate(last, text);
    if (last && lastMatch) {
      const result = this.result(last, lastMatch, raw);
      if (result.ok) return result;
    }
    let invalid: DateResult | null = null;
    for (const tier of [0, 1] as const) {
      for (const t of this.tier(kind, tier)) {
        if (t === last) continue;
        const m = execTemplate(t, text);
        if (!m) continue;
        const result = this.result(t, m, raw);
        if (result.ok) {
          this.last[kind] = t;
          return result;
        }
        invalid ??= result;
      }
    }
    return invalid;
  }

  private result(t: Template, m: RegExpExecArray, raw: string): DateResult {
    const v = this.values(t, m);
    if (!v) return { ok: false, reason: `"${cut(raw)}" has a month or time of day ${this.locale} does not use` };
    const g = this.toGregorian(v.year, v.month, v.day);
    if (!g) return { ok: false, reason: `"${cut(raw)}" is not a real date` };
    const day = gregorianDay(g[0], g[1], g[2]);
    if (day.ok && t.monthName) NAMED.add(day);
    if (!day.ok || !t.fields.includes('hour')) return day;
    const seconds = t.fields.includes('second');
    if (!(v.hour >= 0 && v.hour <= 23 && v.minute <= 59 && (!seconds || v.second <= 59))) return { ok: false, reason: `"${cut(raw)}" is not a time of day` };
    const at: DateResult = { ok: true, value: `${day.value}T${pad(v.hour)}:${pad(v.minute)}${seconds ? `:${pad(v.second)}` : ''}` };
    if (t.monthName) NAMED.add(at);
    return at;
  }
}

const cut = (s: string) => s.trim().slice(0, 60);

/** A template's match, when its joining words (if it has any) are letters. */
function execTemplate(t: Template, text: string): RegExpExecArray | null {
  const m = t.re.exec(text);
  if (!m) return null;
  const joiner = t.fields.indexOf('joiner');
  return joiner < 0 || JOINER_WORDS.test(m[joiner + 1]!) ? m : null;
}

/** A calendar date, checked: real (no Feb 30) and within 2000–2100. */
function gregorianDay(y: number, m: number, d: number): DateResult {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (!(y >= 2000 && y <= 2100) || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return { ok: false, reason: `${y}-${pad(m)}-${pad(d)} is not a real date between 2000 and 2100` };
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` };
}

// Year first is never read another way: 2026-05-27, 2026/05/27, 2026.05.27.
const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:t| )(\d{2}):(\d{2})(?::(\d{2}))?$/;

function isoDay(text: string): DateResult | null {
  const m = ISO_DAY.exec(text);
  return m ? gregorianDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function isoDateTime(text: string): DateResult | null {
  const m = ISO_TIME.exec(text);
  if (!m) return null;
  const day = gregorianDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!day.ok) return day;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return { ok: false, reason: `"${text}" is not a time of day` };
  return { ok: true, value: `${day.value}T${m[4]}:${m[5]}${m[6] === undefined ? '' : `:${m[6]}`}` };
}

// A trailing zone: "UTC", "GMT+2", "GMT+05:30", "(UTC)", "CEST". The wall time is read as shown.
const ZONE = /^(.*?\d.*?)[\s,]*\(?((?:UTC|GMT)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T)\)?$/;

function splitZone(raw: string): { text: string; zone?: string } {
  const m = ZONE.exec(raw.trim());
  return m ? { text: m[1]!, zone: m[2]!.replace(/\s+/g, '').replace('−', '-') } : { text: raw };
}

/** The locale's own digits (Arabic-Indic, Devanagari, …) mapped to 0–9. */
function localeDigits(locale: string, numberingSystem: string): Map<string, string> {
  const map = new Map<string, string>();
  if (numberingSystem === 'latn') return map;
  const nf = new Intl.NumberFormat(locale, { numberingSystem, useGrouping: false });
  for (let d = 0; d <= 9; d++) map.set(nf.format(d), String(d));
  return map;
}

/**
 * From the locale's calendar to the Gregorian one. Calendars whose months are Gregorian months
 * (Buddhist: 2569 is 2026) shift the year; others are found by a search over days, which is
 * monotonic in (year, month, day) in every calendar without eras.
 */
function calendarConverter(locale: string, calendar: string): (y: number, m: number, d: number) => [number, number, number] | null {
  if (calendar === 'gregory' || calendar === 'iso8601') return (y, m, d) => [y, m, d];
  const f = new Intl.DateTimeFormat(locale, { calendar, numberingSystem: 'latn', year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const ymd = (t: number): [number, number, number] => {
    const parts = f.formatToParts(t);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return [get('year'), get('month'), get('day')];
  };
  const probes = [Date.UTC(2001, 0, 1), Date.UTC(2024, 1, 29), Date.UTC(2050, 11, 31)];
  const offsets = probes.map((t) => {
    const [y, m, d] = ymd(t);
    const g = new Date(t);
    return m === g.getUTCMonth() + 1 && d === g.getUTCDate() ? y - g.getUTCFullYear() : NaN;
  });
  if (offsets.every((o) => o === offsets[0] && Number.isInteger(o))) {
    const offset = offsets[0]!;
    return (y, m, d) => [y - offset, m, d];
  }
  const start = Date.UTC(1990, 0, 1) / DAY_MS;
  const end = Date.UTC(2110, 0, 1) / DAY_MS;
  const key = ([y, m, d]: [number, number, number]) => y * 10_000 + m * 100 + d;
  return (y, m, d) => {
    const want = key([y, m, d]);
    let lo = start;
    let hi = end;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (key(ymd(mid * DAY_MS)) < want) lo = mid + 1;
      else hi = mid;
    }
    if (key(ymd(lo * DAY_MS)) !== want) return null;
    const g = new Date(lo * DAY_MS);
    return [g.getUTCFullYear(), g.getUTCMonth() + 1, g.getUTCDate()];
  };
}

const parsers = new Map<string, LocaleDates | null>();

/** The parser of one locale, built once; null when Intl does not know the locale. */
export function localeDates(locale: string): LocaleDates | null {
  let p = parsers.get(locale);
  if (p === undefined) {
    try {
      p = Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? new IntlDates(locale) : null;
    } catch {
      p = null;
    }
    parsers.set(locale, p);
  }
  return p;
}
