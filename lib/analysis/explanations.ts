// Short explanations of the dashboard's quirks, each tied to this account's own numbers.
import { formatCents } from '../dashboard/money';
import type { Report } from '../report-schema';
import { showDay, showWall } from '../wall-clock';

export function explanations(report: Omit<Report, 'explanations'>): string[] {
  const out: string[] = [];
  const example = report.grants.find((g) => g.purchase);
  if (example?.purchase) {
    const p = example.purchase;
    out.push(
      `Dates differ: the credit grants page shows ${showDay(example.displayedDate)} for the credit paid on ${showWall(p.paidAt)} (invoice ${p.invoice}). ` +
        'Grants are dated to the end of the month before the purchase; the invoice has the real time.',
    );
    const rate = report.taxRateBasisPoints;
    out.push(
      `Amounts differ: invoice ${p.invoice} is ${formatCents(p.totalCents)} = ${formatCents(example.amountCents)} of credit + ${formatCents(p.taxCents)} tax` +
        `${rate !== null ? ` (${(rate / 100).toFixed(rate % 100 === 0 ? 0 : 3).replace(/\.?0+$/, '')}%)` : ''}. Grants show credit without tax.`,
    );
  }
  const t = report.totals;
  if (t.creditsExpiredCents > 0) {
    out.push(
      `Of the credit still shown on grants, ${formatCents(t.creditsExpiredCents)} has expired and cannot be used; ${formatCents(t.creditsAvailableCents)} is available. A headline total can count both.`,
    );
  }
  if (t.usageReportedCents === 0 && t.paidCents > 0) {
    out.push(
      `Usage reads $0.00 although ${formatCents(t.paidCents)} was paid: payments buy credit, usage is what the API spent. ${formatCents(t.creditsUsedCents)} of credit has been used in all.`,
    );
  }
  return out;
}
