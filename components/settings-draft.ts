// The options form as typed (strings), and its check before it is sent: each value that cannot be
// saved is named with what it should be, and nothing typed is thrown away. The ranges are the
// settings schema's (lib/analysis/settings.ts); amounts are read to cents without floats, with a
// dot or a comma before the cents, so "5", "5.00" and "5,00" all mean $5.00.
import type { Settings } from '../lib/analysis/settings';
import { decimal } from '../lib/dashboard/money';

export const FIELDS = ['rapidCount', 'rapidWindowHours', 'rapidShortCount', 'rapidShortWindowMinutes', 'expiringDays', 'threshold', 'target'] as const;
export type Field = (typeof FIELDS)[number];
export type Draft = Record<Field, string>;
/** Field → why it cannot be saved, as [message key, its values]. */
export type FieldErrors = Partial<Record<Field, { key: 'options.fieldWhole' | 'options.fieldNumber' | 'options.fieldMoney'; min?: string; max?: string }>>;

export function draftOf(s: Settings): Draft {
  return {
    rapidCount: String(s.rapidCount),
    rapidWindowHours: String(s.rapidWindowMinutes / 60),
    rapidShortCount: String(s.rapidShortCount),
    rapidShortWindowMinutes: String(s.rapidShortWindowMinutes),
    expiringDays: String(s.expiringDays),
    threshold: s.thresholdCents === null ? '' : decimal(s.thresholdCents),
    target: s.targetCents === null ? '' : decimal(s.targetCents),
  };
}

const WHOLE: Partial<Record<Field, [number, number]>> = { rapidCount: [2, 100], rapidShortCount: [2, 100], rapidShortWindowMinutes: [1, 1440], expiringDays: [1, 366] };
const MAX_CENTS = 100_000_000;

/** "5", "5.0", "5,00", "$5.00", "5 $" → 500; '' → null; anything else → undefined. */
export function centsOf(text: string): number | null | undefined {
  const v = text.trim().replace(/^(US)?\$\s*|\s*(US)?\$$/g, '');
  if (v === '') return text.trim() === '' ? null : undefined;
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(v);
  if (!m) return undefined;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : undefined;
}

export function parseSettingsDraft(d: Draft): { ok: true; settings: Partial<Settings> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const whole = (f: Field): number => {
    const [min, max] = WHOLE[f]!;
    const v = d[f].trim();
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) errors[f] = { key: 'options.fieldWhole', min: String(min), max: String(max) };
    return n;
  };
  const hoursText = d.rapidWindowHours.trim().replace(',', '.');
  const minutes = /^\d+(\.\d+)?$/.test(hoursText) ? Math.round(Number(hoursText) * 60) : NaN;
  if (!(minutes >= 1 && minutes <= 60 * 24 * 31)) errors.rapidWindowHours = { key: 'options.fieldNumber', min: '0.1', max: '744' };
  const money = (f: 'threshold' | 'target') => {
    const c = centsOf(d[f]);
    if (c === undefined) errors[f] = { key: 'options.fieldMoney' };
    return c ?? null;
  };
  const settings: Partial<Settings> = {
    rapidCount: whole('rapidCount'),
    rapidWindowMinutes: minutes,
    rapidShortCount: whole('rapidShortCount'),
    rapidShortWindowMinutes: whole('rapidShortWindowMinutes'),
    expiringDays: whole('expiringDays'),
    thresholdCents: money('threshold'),
    targetCents: money('target'),
  };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, settings };
}
