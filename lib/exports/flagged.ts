// The charges a refund request may name: each one a critical `recharge-above-threshold` alert,
// so each carries its proof (the credit that was provably unused when it was made). A rapid
// burst names charges too, but a burst alone proves no single charge unwarranted, so support
// request, statement, timeline and headline all count these and only these.
import type { Report } from '../report-schema';

export interface FlaggedCharge {
  invoice: string;
  at: string;
  totalCents: number;
  /** The credit provably unused when it was charged. */
  boundCents: number;
  thresholdCents: number;
}

export function flaggedCharges(r: Report): FlaggedCharge[] {
  const out: FlaggedCharge[] = [];
  for (const a of r.alerts) {
    if (a.severity !== 'critical' || a.facts.code !== 'recharge-above-threshold') continue;
    const f = a.facts;
    out.push({ invoice: f.invoice, at: f.at, totalCents: f.totalCents, boundCents: f.boundCents, thresholdCents: f.thresholdCents });
  }
  return out.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.invoice < y.invoice ? -1 : 1));
}

/**
 * How many charges need the person's attention: the one number the panel's pill, the headline,
 * the toolbar badge and the popup's list of organizations all show.
 */
export function flaggedCount(r: Report | null): number {
  return r ? flaggedCharges(r).length : 0;
}
