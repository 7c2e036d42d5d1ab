// Short explanations of the dashboard's quirks, each tied to this account's own numbers, as codes
// (their words are in lib/exports/wording.ts). Each needs the pages its numbers come from.
import type { Explanation, Report } from '../report-schema';

type Basis = Pick<Report, 'grants' | 'totals' | 'taxRateBasisPoints' | 'taxPeriods' | 'pagesRead'>;

export function explanationFacts(report: Basis): Explanation[] {
  const out: Explanation[] = [];
  const example = report.grants.find((g) => g.purchase);
  if (example?.purchase) {
    const p = example.purchase;
    out.push({ code: 'dates-differ', displayedDate: example.displayedDate, paidAt: p.paidAt, invoice: p.invoice });
    // The rate of the example's own period.
    const period = [...report.taxPeriods].reverse().find((t) => t.from <= p.paidAt) ?? report.taxPeriods[0];
    out.push({ code: 'amounts-differ', invoice: p.invoice, totalCents: p.totalCents, amountCents: example.amountCents, taxCents: p.taxCents, rateBasisPoints: period?.rateBasisPoints ?? null });
  }
  const t = report.totals;
  if (t.creditsExpiredCents > 0) out.push({ code: 'expired-counted', expiredCents: t.creditsExpiredCents, availableCents: t.creditsAvailableCents });
  if (t.usageReportedCents === 0 && t.paidCents > 0 && report.pagesRead.includes('credit-grants')) {
    out.push({ code: 'usage-zero-paid', paidCents: t.paidCents, usedCents: t.creditsUsedCents });
  }
  return out;
}
