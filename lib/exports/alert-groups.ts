// One alert per story: the seed case's seven "charged while above the threshold" alerts are one
// story (auto-recharge misfiring), told once with its list of charges and one total. Alerts join a
// card only when one explanation fits them all (same kind, severity and proof); any other alert
// is a card of its own. Cards keep the report's order (most severe first).
import type { Alert, Report } from '../report-schema';

type AboveFacts = Extract<Alert['facts'], { code: 'recharge-above-threshold' }>;
type UnmatchedFacts = Extract<Alert['facts'], { code: 'unmatched-charge' }>;

export type AlertCard =
  | { kind: 'single'; alert: Alert }
  | { kind: 'above'; severity: Alert['severity']; facts: AboveFacts[]; alerts: Alert[]; totalCents: number }
  | { kind: 'unmatched'; severity: Alert['severity']; facts: UnmatchedFacts[]; alerts: Alert[]; totalCents: number };

/** What alerts must share to be told as one: the sentence that explains them is then the same. */
function storyOf(a: Alert): string | null {
  const f = a.facts;
  if (f.code === 'recharge-above-threshold') return `above|${a.severity}|${f.charge}|${f.thresholdCents}|${f.thresholdFrom}`;
  if (f.code === 'unmatched-charge') return `unmatched|${a.severity}|${f.afterGrantsRead}`;
  return null;
}

export function alertCards(alerts: readonly Alert[]): AlertCard[] {
  const members = new Map<string, Alert[]>();
  for (const a of alerts) {
    const story = storyOf(a);
    if (story !== null) members.set(story, [...(members.get(story) ?? []), a]);
  }
  const cards: AlertCard[] = [];
  const told = new Set<string>();
  for (const a of alerts) {
    const story = storyOf(a);
    const group = story === null ? [] : members.get(story)!;
    if (group.length < 2) {
      cards.push({ kind: 'single', alert: a });
      continue;
    }
    if (told.has(story!)) continue;
    told.add(story!);
    const total = group.reduce((s, g) => s + (g.facts as AboveFacts | UnmatchedFacts).totalCents, 0);
    if (a.facts.code === 'recharge-above-threshold') {
      cards.push({ kind: 'above', severity: a.severity, alerts: group, facts: group.map((g) => g.facts as AboveFacts), totalCents: total });
    } else {
      cards.push({ kind: 'unmatched', severity: a.severity, alerts: group, facts: group.map((g) => g.facts as UnmatchedFacts), totalCents: total });
    }
  }
  return cards;
}

/** Alerts about auto-recharge: each says where it is switched off. */
export function aboutRecharges(card: AlertCard): boolean {
  if (card.kind === 'above') return true;
  if (card.kind === 'unmatched') return false;
  return card.alert.kind === 'rapid-recharge' || card.alert.kind === 'recharge-above-threshold' || card.alert.kind === 'credits-accumulating';
}

export function cardSeverity(card: AlertCard): Alert['severity'] {
  return card.kind === 'single' ? card.alert.severity : card.severity;
}

/** The alerts the report has, as a person counts them: one per card. */
export function cardCount(r: Report): number {
  return alertCards(r.alerts).length;
}
