// The billing overview: credit balance (may be negative) and the auto-recharge setting.
import { parseMoney } from './money';
import { bodyText, ownTexts, valueAfterLabel } from './page-text';
import type { AutoRecharge, OverviewInfo } from './snapshot';
import { words } from './text';

const BALANCE_LABELS = ['credit balance', 'api credit balance', 'current balance', 'credit remaining', 'available credit'];
const RECHARGE_LABELS = ['auto recharge', 'automatic recharge', 'auto reload', 'auto top up'];
// "When your credit balance reaches $10.00, your payment method will be charged to bring the
// balance up to $15.00." The exact wording is a guess (reference: L), so accept near variants.
const SENTENCE =
  /when (?:your |the )?(?:credit |api credit )?balance (?:reaches|falls below|falls to|drops below|drops to|goes below|is below|is at or below)\s+(\S+?),?\s.{0,120}?(?:bring|top up|recharge|reload|refill|restore)\s(?:it|(?:your |the )?(?:credit )?balance)\s(?:back\s)?(?:up\s)?to\s+(\S+?)\.?(?:\s|$)/i;

export function readOverview(root: Document | Element): { info: OverviewInfo | null; warnings: string[] } {
  const texts = ownTexts(root);
  const warnings: string[] = [];
  const balance = valueAfterLabel(texts, BALANCE_LABELS, (t) => parseMoney(t));
  const autoRecharge = readAutoRecharge(texts, bodyText(root), warnings);
  if (!balance) warnings.push('Overview: no credit balance was found (looked for a "Credit balance" label followed by an amount).');
  if (!balance && !autoRecharge) return { info: null, warnings };
  return { info: { balanceCents: balance?.value.cents ?? null, autoRecharge }, warnings };
}

function readAutoRecharge(texts: string[], body: string, warnings: string[]): AutoRecharge | null {
  const sentence = SENTENCE.exec(body);
  if (sentence) {
    const threshold = parseMoney(sentence[1]!);
    const target = parseMoney(sentence[2]!);
    if (!threshold || !target) warnings.push(`Overview: the auto-recharge sentence has amounts that could not be read ("${sentence[0].slice(0, 160)}").`);
    return { enabled: true, thresholdCents: threshold?.cents ?? null, targetCents: target?.cents ?? null };
  }
  const state = valueAfterLabel(texts, RECHARGE_LABELS, (t) => {
    const w = words(t);
    if (w === 'off' || w === 'disabled' || w === 'enable auto recharge') return false;
    if (w === 'on' || w === 'enabled' || w === 'active') return true;
    return null;
  }, 4);
  if (!state) return null;
  if (state.value) warnings.push('Overview: auto-recharge is on, but its threshold and target could not be read.');
  return { enabled: state.value, thresholdCents: null, targetCents: null };
}
