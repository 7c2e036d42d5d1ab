// Dates and date-times in the forms real locales show, parsed with explicit date-fns formats.
// Results are wall-clock strings (YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss]): no time-zone shift, ever.
import { isValid, parse } from 'date-fns';
import { wallClockNow } from '../wall-clock';

const REFERENCE = new Date(2000, 0, 1);

// Word-month forms first: they are never ambiguous.
const WORD_FORMATS = [
  'MMM d, yyyy',
  'MMMM d, yyyy',
  'MMM d yyyy',
  'MMMM d yyyy',
  'd MMM yyyy',
  'd MMMM yyyy',
  'd MMM, yyyy',
  'EEE, MMM d, yyyy',
  'EEEE, MMMM d, yyyy',
  'EEE d MMM yyyy',
  'EEE, d MMM yyyy',
];
const ISO_FORMATS = ['yyyy-MM-dd', 'yyyy/MM/dd'];

function tidy(raw: string): string {
  return raw
    .trim()
    .replace(/\bSept\b/i, 'Sep') // en-GB writes September "Sept"
    .replace(/\b([A-Za-z]{3,9})\./g, '$1') // "Nov." → "Nov"
    .replace(/\s+/g, ' ');
}

function inRange(d: Date): boolean {
  return isValid(d) && d.getFullYear() >= 2000 && d.getFullYear() <= 2100;
}

export type DateResult = { ok: true; value: string } | { ok: false; reason: string };

/** A calendar date to YYYY-MM-DD. Numeric day/month forms only when they cannot be misread. */
const ymd = (d: Date) => wallClockNow(d).slice(0, 10);

// A page uses one format throughout: try the last one that worked first.
let lastFormat = WORD_FORMATS[0]!;
// Pages repeat the same days (grants share month ends; invoices share dates): remember answers.
const dayCache = new Map<string, DateResult>();

export function parseDay(raw: string): DateResult {
  const hit = dayCache.get(raw);
  if (hit) return hit;
  if (dayCache.size > 10_000) dayCache.clear();
  const result = parseDayUncached(raw);
  dayCache.set(raw, result);
  return result;
}

function parseDayUncached(raw: string): DateResult {
  const text = tidy(raw);
  if (!text) return { ok: false, reason: 'the date is empty' };
  for (const f of [lastFormat, ...WORD_FORMATS, ...ISO_FORMATS]) {
    const d = parse(text, f, REFERENCE);
    if (inRange(d)) {
      lastFormat = f;
      return { ok: true, value: ymd(d) };
    }
  }
  const numeric = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (numeric) {
    const us = parse(text.replace(/\./g, '/'), 'M/d/yyyy', REFERENCE);
    const gb = parse(text.replace(/\./g, '/'), 'd/M/yyyy', REFERENCE);
    const usOk = inRange(us);
    const gbOk = inRange(gb);
    if (usOk && gbOk && us.getTime() !== gb.getTime()) {
      return { ok: false, reason: `the date "${text}" could be month/day or day/month` };
    }
    if (usOk || gbOk) return { ok: true, value: ymd(usOk ? us : gb) };
  }
  return { ok: false, reason: `"${raw.trim().slice(0, 60)}" is not a date in a known form` };
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([AaPp])\.?\s?[Mm]\.?)?$/;
const SPLIT = /^(.*?)(?:,\s*|\s+at\s+|\s+|T)(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?)$/;

function parseTime(raw: string): string | null {
  const m = TIME.exec(raw.trim());
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] === undefined ? null : Number(m[3]);
  if (minutes > 59 || (seconds !== null && seconds > 59)) return null;
  if (m[4]) {
    if (hours < 1 || hours > 12) return null;
    const pm = m[4].toLowerCase() === 'p';
    hours = (hours % 12) + (pm ? 12 : 0);
  } else if (hours > 23) {
    return null;
  }
  const hhmm = `${String(hours).padStart(2, '0')}:${m[2]}`;
  return seconds === null ? hhmm : `${hhmm}:${m[3]}`;
}

/** A date with a time to YYYY-MM-DDTHH:mm (…:ss when the page shows seconds). */
export function parseDateTime(raw: string): DateResult {
  const text = tidy(raw).replace(/\s+(?:UTC|GMT)$/i, '');
  const parts = SPLIT.exec(text);
  if (!parts) {
    return { ok: false, reason: `"${raw.trim().slice(0, 60)}" has no time of day` };
  }
  const day = parseDay(parts[1]!.replace(/,$/, ''));
  if (!day.ok) return day;
  const time = parseTime(parts[2]!);
  if (!time) return { ok: false, reason: `"${parts[2]}" is not a time of day` };
  return { ok: true, value: `${day.value}T${time}` };
}
