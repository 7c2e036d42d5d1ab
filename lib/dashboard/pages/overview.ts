// The billing overview: credit balance (may be negative) and the auto-recharge ("auto-reload") setting.
import type { DateOptions } from '../dates';
import { parseMoney } from '../money';
import { bodyText, ownTexts, valueAfterLabel } from '../page-text';
import type { AutoRecharge } from '../snapshot';
import { words } from '../text';
import { ASSUMED, meaning, said, texts, type PageDescriptor, type PagePart } from './descriptor';
import { REF } from './evidence';

const VOCABULARY = {
  'label:balance': said(REF.overviewLabels, 'credit balance', 'api credit balance'),
  'label:recharge': [...said(REF.overviewLabels, 'auto recharge'), ...said(REF.autoReload, 'auto reload')],
  'label:threshold': said(REF.rechargeDialog, 'when credit balance goes below'),
  'label:target': said(REF.rechargeDialog, 'bring credit balance back up to'),
  recharge: [
    ...meaning(false, REF.overviewLabels, 'off', 'enable auto recharge'),
    ...meaning(true, ASSUMED, 'on'),
  ],
  sentence: said(REF.rechargeSentence, 'when your credit balance reaches'),
  identifying: said(REF.overviewLabels, 'pay as you go', 'credit balance', 'api credit balance'),
};

// "When your credit balance reaches $10.00, your payment method will be charged to bring the
// balance up to $15.00." The exact wording is a guess (reference: L), so accept near variants.
const SENTENCE =
  /when (?:your |the )?(?:credit |api credit )?balance (?:reaches|falls below|falls to|drops below|drops to|goes below|is below|is at or below)\s+(\S+?),?\s.{0,120}?(?:bring|top up|recharge|reload|refill|restore)\s(?:it|(?:your |the )?(?:credit )?balance)\s(?:back\s)?(?:up\s)?to\s+(\S+?)\.?(?:\s|$)/i;

export function readOverview(root: Document | Element, _options: DateOptions = {}): PagePart {
  const shown = ownTexts(root);
  const warnings: string[] = [];
  const used: string[] = [];
  const balance = valueAfterLabel(shown, texts(VOCABULARY['label:balance']), (t) => parseMoney(t));
  if (balance) used.push(`label:balance:${words(balance.label)}`);
  const autoRecharge = readAutoRecharge(shown, bodyText(root), warnings, used);
  if (!balance) warnings.push('Overview: no credit balance was found (looked for a "Credit balance" label followed by an amount).');
  const info = !balance && !autoRecharge ? null : { balanceCents: balance?.value.cents ?? null, autoRecharge };
  return {
    snapshot: { grants: [], invoices: [], overview: info, usage: null, understood: info !== null, warnings, locale: null },
    grantAnchors: [],
    invoiceAnchors: [],
    used,
    dateLocales: [],
  };
}

function readAutoRecharge(shown: string[], body: string, warnings: string[], used: string[]): AutoRecharge | null {
  const state = valueAfterLabel(shown, texts(VOCABULARY['label:recharge']), (t) => VOCABULARY.recharge.find((r) => r.text === words(t)) ?? null, 4);
  if (state) used.push(`label:recharge:${words(state.label)}`, `recharge:${state.value.text}`);
  // The settings as label → amount pairs ("When credit balance goes below" $10.00).
  const threshold = valueAfterLabel(shown, texts(VOCABULARY['label:threshold']), (t) => parseMoney(t), 3);
  const target = valueAfterLabel(shown, texts(VOCABULARY['label:target']), (t) => parseMoney(t), 3);
  if (threshold && target && state?.value.means !== false) {
    used.push(`label:threshold:${words(threshold.label)}`, `label:target:${words(target.label)}`);
    return { enabled: true, thresholdCents: threshold.value.cents, targetCents: target.value.cents };
  }
  const sentence = SENTENCE.exec(body);
  if (sentence && state?.value.means !== false) {
    used.push(`sentence:${VOCABULARY.sentence[0]!.text}`);
    const thresholdCents = parseMoney(sentence[1]!)?.cents ?? null;
    const targetCents = parseMoney(sentence[2]!)?.cents ?? null;
    if (thresholdCents === null || targetCents === null) warnings.push(`Overview: the auto-recharge sentence has amounts that could not be read ("${sentence[0].slice(0, 160)}").`);
    return { enabled: true, thresholdCents, targetCents };
  }
  if (!state) return null;
  if (state.value.means) warnings.push('Overview: auto-recharge is on, but its threshold and target could not be read.');
  return { enabled: state.value.means, thresholdCents: null, targetCents: null };
}

export const overview: PageDescriptor = {
  kind: 'overview',
  title: 'Billing overview',
  why: 'to learn the auto-recharge threshold',
  paths: ['/settings/organization/billing/overview', '/account/billing/overview', '/account/billing'],
  identifying: VOCABULARY.identifying,
  vocabulary: VOCABULARY,
  read: readOverview,
};
