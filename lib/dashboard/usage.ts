// The usage page: the total spend figure and the date range it covers.
import { parseDay } from './dates';
import { parseMoney } from './money';
import { ownTexts, valueAfterLabel } from './page-text';
import type { UsageInfo } from './snapshot';

const SPEND_LABELS = ['total spend', 'total spent', 'total cost', 'total costs', 'spend', 'total usage', 'cost'];
const RANGE = /^(.{3,40}?)\s*(?:–|—|-|to)\s*(.{3,40})$/;

export function readUsage(root: Document | Element): { info: UsageInfo | null; warnings: string[] } {
  const texts = ownTexts(root);
  const spend = valueAfterLabel(texts, SPEND_LABELS, (t) => parseMoney(t));
  if (!spend) return { info: null, warnings: ['Usage: no total spend was found (looked for a "Total Spend" label followed by an amount).'] };
  const range = readRange(texts);
  const warnings = range ? [] : ['Usage: the date range of the total spend could not be read.'];
  return { info: { totalSpendCents: spend.value.cents, from: range?.from ?? null, to: range?.to ?? null }, warnings };
}

/** "Nov 1 – Nov 30, 2026" or "Nov 1, 2026 – Nov 30, 2026": the first part may borrow the year. */
export function readRange(texts: string[]): { from: string; to: string } | null {
  for (const text of texts) {
    const m = RANGE.exec(text);
    if (!m) continue;
    const to = parseDay(m[2]!);
    if (!to.ok) continue;
    let from = parseDay(m[1]!);
    if (!from.ok) from = parseDay(`${m[1]!.replace(/,$/, '')}, ${to.value.slice(0, 4)}`);
    if (!from.ok) from = parseDay(`${m[1]} ${to.value.slice(0, 4)}`);
    if (from.ok && from.value <= to.value) return { from: from.value, to: to.value };
  }
  return null;
}
