// Which locale a page's dates are in, and reading them in it. The site formats dates with Intl in
// the browser's locale (reference: "dates follow the browser's locale"), so the extension tries
// the browser's languages in order and takes the first that reads every date of the page. Without
// a browser (the CLI), every candidate locale that reads every date is kept: when they read a date
// the same, it is read; when they do not (03/04/2026 in en-US and en-GB), the row is refused with
// a reason, never guessed.
import { localeDates, readByName, type DateResult, type LocaleDates } from './locale-dates';

export type { DateResult } from './locale-dates';



/** Locales to try, most likely first, when a page's locale is not known. */
export interface Candidates {
  common: readonly string[];
  /** Tried only when none of `common` reads every date. */
  more: readonly string[];
}

// What a read without locales nor candidates tries: the site's own English. The CLI passes the
// candidate locales (candidate-locales.ts); tests set them as the default (setDefaultCandidates).
let defaultCandidates: Candidates = { common: ['en-US'], more: [] };

export function setDefaultCandidates(c: Candidates): void {
  defaultCandidates = c;
}

export interface DateOptions {
  /** The locales to read in, most likely first (the browser's languages, or --locale). */
  locales?: readonly string[];
  /** Without `locales`: the locales to try, each kept when it reads every date ('agree'). */
  candidates?: Candidates;
  /**
   * 'first': the first locale that reads every date (the browser's languages, in order).
   * 'agree': every locale that reads every date; a date they read differently is refused.
   */
  strategy?: 'first' | 'agree';
}

/** A date cell's text and whether it holds a time of day. */
export interface DateText {
  text: string;
  time: boolean;
}

export interface DateReader {
  /** The locale the dates were read in; null when the page had no date to read. */
  readonly locale: string | null;
  /** Every locale that read all of the page's dates (or, if none did, the most). */
  readonly fits: readonly string[];
  /** Whether `fits` read every date (false: none did, they read the most). */
  readonly complete: boolean;
  day(raw: string): DateResult;
  dateTime(raw: string): DateResult;
  monthDay(raw: string): { month: number; day: number } | null;
}

/** The browser's own list: its languages in order, then Intl's default, then the site's English. */
export function browserLocales(languages: readonly string[], intlDefault?: string): string[] {
  return [...new Set([...languages, ...(intlDefault ? [intlDefault] : []), 'en-US'].filter(Boolean))];
}

const read = (p: LocaleDates, t: DateText) => (t.time ? p.dateTime(t.text) : p.day(t.text));

// Cells that say "no date" rather than a date in some form.
const NOT_A_DATE = /^(?:|never|none|n\/a|-|—|–)$/i;

/** Choose the locale(s) for a page from its date texts, and a reader that reads in them. */
export function dateReader(texts: readonly DateText[], options: DateOptions = {}): DateReader {
  if (options.locales) return readerIn(texts, options.locales, options.strategy ?? 'first');
  // No locale given (the CLI without --locale): the common locales, then the rest; a date none
  // reads says how to give the locale.
  const candidates = options.candidates ?? defaultCandidates;
  const common = readerIn(texts, candidates.common, 'agree');
  if (common.complete || !candidates.more.length) return common.complete ? common : withHint(common);
  const more = readerIn(texts, candidates.more, 'agree');
  return more.complete ? more : withHint(common);
}

function withHint(r: DateReader): DateReader {
  const hint = (d: DateResult): DateResult => (d.ok ? d : { ok: false, reason: `${d.reason} (if the pages were saved in a browser set to another language, give it with --locale)` });
  return { ...r, day: (raw) => hint(r.day(raw)), dateTime: (raw) => hint(r.dateTime(raw)) };
}

function readerIn(texts: readonly DateText[], locales: readonly string[], strategy: 'first' | 'agree'): DateReader {
  const unique = new Map<string, DateText>();
  for (const t of texts) if (!NOT_A_DATE.test(t.text.trim())) unique.set(`${t.time ? 't' : 'd'}${t.text}`, t);
  const samples = [...unique.values()];
  // Whether a locale reads all of them, stopping at its first miss.
  const readsAll = (p: LocaleDates) => samples.every((t) => read(p, t).ok);
  const names = [...new Set(locales)];
  // A locale's forms are built only when it is tried (building all of them costs more than the
  // rest of the read, and the first one often settles it): the first that reads every date.
  let first: LocaleDates | undefined;
  for (const name of names) {
    const p = localeDates(name);
    if (p && readsAll(p)) {
      first = p;
      break;
    }
  }
  const all = () => {
    const parsers = names.map(localeDates).filter((p): p is LocaleDates => p !== null);
    return parsers.length ? parsers : [localeDates('en-US')!];
  };
  if (!samples.length) return single(first ?? all()[0]!, null, true);
  if (strategy === 'agree' && first && samples.every((t) => readByName(read(first, t)))) {
    // The first locale that reads every date by its month's name ("Nov 3, 2026") reads them as any
    // other locale that reads them would: a named month leaves no other day to read. The search
    // stops there, and says which locales fit as none: it did not try them, so it cannot narrow
    // another page's.
    return { ...single(first, [first.locale], true), fits: [] };
  }
  const parsers = strategy === 'first' && first ? [first] : all();
  let fits = strategy === 'first' ? (first ? [first] : []) : parsers.filter(readsAll);
  const complete = fits.length > 0;
  if (!complete) {
    // None reads every date: those that read the most; the rest become warnings naming the row.
    const counts = parsers.map((p) => samples.filter((t) => read(p, t).ok).length);
    const best = Math.max(...counts);
    if (best === 0) return single(parsers[0]!, null, false); // no date read: no locale to report
    fits = parsers.filter((_, k) => counts[k] === best);
  }
  if (strategy === 'first' || fits.length === 1) return single(fits[0]!, fits.map((p) => p.locale), complete);
  return agreeing(fits, complete);
}

function single(p: LocaleDates, fits: string[] | null, complete: boolean): DateReader {
  return {
    locale: fits ? p.locale : null,
    fits: fits ?? [],
    complete,
    day: (raw) => p.day(raw),
    dateTime: (raw) => p.dateTime(raw),
    monthDay: (raw) => p.monthDay(raw),
  };
}

/** A reader over several locales: a value is read only when they all read it the same. */
function agreeing(fits: LocaleDates[], complete: boolean): DateReader {
  const both = (pick: (p: LocaleDates) => DateResult, raw: string): DateResult => {
    const results = fits.map(pick);
    const first = results[0]!;
    if (!first.ok) return first;
    const other = results.findIndex((r) => !r.ok || r.value !== first.value);
    if (other < 0) return first;
    const second = results[other]!;
    const shown = raw.trim().slice(0, 60);
    return second.ok
      ? { ok: false, reason: `"${shown}" reads as ${first.value} in ${fits[0]!.locale} but ${second.value} in ${fits[other]!.locale}: the locale of the page decides (give it with --locale)` }
      : second;
  };
  return {
    locale: fits[0]!.locale,
    fits: fits.map((p) => p.locale),
    complete,
    day: (raw) => both((p) => p.day(raw), raw),
    dateTime: (raw) => both((p) => p.dateTime(raw), raw),
    monthDay: (raw) => {
      const all = fits.map((p) => p.monthDay(raw));
      const first = all[0];
      return first && all.every((v) => v && v.month === first.month && v.day === first.day) ? first : null;
    },
  };
}
