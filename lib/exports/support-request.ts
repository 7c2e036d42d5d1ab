// "Copy support request": plain text a user can paste to OpenAI support, with the evidence.
import { formatCents } from '../dashboard/money';
import { showWall } from '../wall-clock';
import type { Report } from '../report-schema';

export function supportRequest(r: Report): string {
  const above = r.alerts.filter((a) => a.kind === 'recharge-above-threshold');
  const unusedAt = new Map(above.map((a) => [a.invoices[0], a.boundCents]));
  const rapid = r.alerts.filter((a) => a.kind === 'rapid-recharge');
  const flagged = new Set([...above, ...rapid].flatMap((a) => a.invoices));
  const invoices = r.invoices.filter((i) => flagged.has(i.number)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const threshold = r.autoRecharge?.thresholdCents;
  const lines: string[] = [];
  lines.push('Subject: Refund request for auto-recharge charges made while my credit balance was above the threshold', '');
  lines.push('Hello,', '');
  if (!invoices.length) {
    lines.push(`I am reviewing the billing of my organization${r.organization ? ` "${r.organization}"` : ''}. Credit Lens found no charge that looks unwarranted; the reconciliation is below.`);
  } else {
    lines.push(
      `My organization${r.organization ? ` "${r.organization}"` : ''} has auto-recharge${threshold != null ? ` set to charge when the credit balance reaches ${formatCents(threshold)}` : ''}. ` +
        `It charged my card ${invoices.length} time${invoices.length > 1 ? 's' : ''}${rapid.length ? ' in quick succession' : ''} while the credit I had already bought was unused:`,
      '',
    );
    for (const inv of invoices) {
      const held = unusedAt.get(inv.number);
      lines.push(`- Invoice ${inv.number}: ${formatCents(inv.totalCents)} on ${showWall(inv.createdAt)}${held !== undefined ? `, while at least ${formatCents(held)} of earlier credit was unused` : ''}`);
    }
    const total = invoices.reduce((s, i) => s + i.totalCents, 0);
    lines.push('', `These charges total ${formatCents(total)}. The credit grants page shows the credit they bought still unused.`);
    lines.push('Please refund these charges. I have turned auto-recharge off until this is resolved.');
  }
  const t = r.totals;
  lines.push('', 'Reconciliation of my billing pages:');
  lines.push(`- Paid: ${formatCents(t.paidCents)} (credit ${formatCents(t.creditsPurchasedCents)} + tax ${formatCents(t.taxCents)})`);
  lines.push(`- Credit used: ${formatCents(t.creditsUsedCents)}; available: ${formatCents(t.creditsAvailableCents)}; expired unused: ${formatCents(t.creditsExpiredCents)}`);
  if (t.usageReportedCents !== null) lines.push(`- The usage page reports ${formatCents(t.usageReportedCents)}`);
  const read = r.sources.map((s) => `${s.page}${s.seenAt ? ` (read ${showWall(s.seenAt)})` : s.file ? ` (${s.file})` : ''}`);
  lines.push('', `Evidence compiled by Credit Lens from my billing pages: ${read.join(', ')}.`, '', 'Thank you.');
  return `${lines.join('\n')}\n`;
}
