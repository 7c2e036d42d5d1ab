// The usage page: the total spend figure (not a budget card beside it) and the dates it covers.
import { dateReader, type DateOptions, type DateReader } from '../dates';
import { parseMoney } from '../money';
import { ownTexts, valueAfterLabel } from '../page-text';
import type { UsageInfo } from '../snapshot';
import { words } from '../text';
import { said, texts, type PageDescriptor, type PagePart } from './descriptor';
import { REF } from './evidence';

const VOCABULARY = {
  'label:spend': said(REF.usageTotal, 'total spend'),
  identifying: said(REF.usageTotal, 'total spend'),
};

const RANGE = /^(.{3,40}?)\s*(?:–|—|-|to)\s*(.{3,40})$/;

export function readUsage(root: Document | Element, options: DateOptions = {}): PagePart {
  const shown = ownTexts(root);
  const spend = valueAfterLabel(shown, texts(VOCABULARY['label:spend']), (t) => parseMoney(t));
  const part = (usage: UsageInfo | null, warnings: string[], dates: DateReader | null, datesComplete = true): PagePart => ({
    snapshot: { grants: [], invoices: [], overview: null, usage, understood: usage !== null, warnings, locale: dates?.locale ?? null },
    grantAnchors: [],
    invoiceAnchors: [],
    used: spend ? [`label:spend:${words(spend.label)}`] : [],
    dateLocales: dates?.fits ?? [],
    datesComplete,
  });
  if (!spend) return part(null, ['Usage: no total spend was found (looked for a "Total Spend" label followed by an amount).'], null);
  const candidates = shown.map((t) => RANGE.exec(t)).filter((m): m is RegExpExecArray => m !== null && /\d/.test(m[2]!));
  const dates = dateReader(candidates.map((m) => ({ text: m[2]!, time: false })), options);
  const range = readRange(candidates, dates);
  return part({ totalSpendCents: spend.value.cents, from: range?.from ?? null, to: range?.to ?? null }, range ? [] : ['Usage: the date range of the total spend could not be read.'], range ? dates : null, dates.complete);
}

/** "Nov 1 – Nov 30, 2026" or "Nov 1, 2026 – Nov 30, 2026": the first part may borrow the year. */
function readRange(candidates: RegExpExecArray[], dates: DateReader): { from: string; to: string } | null {
  for (const m of candidates) {
    const to = dates.day(m[2]!);
    if (!to.ok) continue;
    let from: string | null = null;
    const full = dates.day(m[1]!);
    if (full.ok) from = full.value;
    else {
      const md = dates.monthDay(m[1]!);
      if (md) {
        const year = Number(to.value.slice(0, 4));
        // "Dec 15 – Jan 14, 2027": a start month after the end month is in the year before.
        const y = md.month * 100 + md.day > Number(to.value.slice(5, 7)) * 100 + Number(to.value.slice(8, 10)) ? year - 1 : year;
        const t = new Date(Date.UTC(y, md.month - 1, md.day));
        if (t.getUTCDate() === md.day) from = t.toISOString().slice(0, 10);
      }
    }
    if (from && from <= to.value) return { from, to: to.value };
  }
  return null;
}

export const usage: PageDescriptor = {
  kind: 'usage',
  title: 'Usage',
  why: 'to compare with what the API spent',
  // `/account/usage` also used to hold the grants table: the reader takes grants there too.
  paths: ['/usage', '/settings/organization/usage', '/account/usage', '/usage/legacy'],
  identifying: VOCABULARY.identifying,
  vocabulary: VOCABULARY,
  read: readUsage,
};
