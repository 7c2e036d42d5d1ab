// The readable report, for a person at a terminal.
import { formatCents } from '../dashboard/money';
import { showDay, showWall } from '../wall-clock';
import type { Report } from '../report-schema';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function formatReport(r: Report): string {
  const out: string[] = [];
  const t = r.totals;
  out.push(`Credit Lens audit — organization: ${r.organization ?? '(not shown on the pages)'}`);
  out.push(`Read: ${r.sources.map((s) => `${s.file ?? s.page} (${s.page}, ${s.rows} rows)`).join(', ')}`);
  if (r.autoRecharge) {
    const a = r.autoRecharge;
    out.push(
      `Auto-recharge: ${a.enabled ? 'ON' : 'OFF'}${a.thresholdCents !== null ? `, charges when the balance reaches ${formatCents(a.thresholdCents)}` : ''}${a.targetCents !== null ? `, up to ${formatCents(a.targetCents)}` : ''}`,
    );
  }
  out.push('');
  out.push(`ALERTS (${r.alerts.length})`);
  if (!r.alerts.length) out.push('  none');
  for (const a of r.alerts) out.push(`  [${a.severity}] ${a.kind}: ${a.message}`);
  out.push('');
  out.push('RECONCILIATION');
  const line = (label: string, cents: number | null) => out.push(`  ${pad(label, 34)}${padLeft(cents === null ? 'not read' : formatCents(cents), 12)}`);
  line('Paid (invoices marked paid)', t.paidCents);
  line('  = credit bought', t.creditsPurchasedCents);
  line('  + tax', t.taxCents);
  if (t.paidCents !== t.creditsPurchasedCents + t.taxCents) line('  + paid for no grant seen', t.paidCents - t.creditsPurchasedCents - t.taxCents);
  line('Credit used (all grants)', t.creditsUsedCents);
  line('Credit available (unexpired)', t.creditsAvailableCents);
  line('Credit expired unused', t.creditsExpiredCents);
  line('Usage page reported', t.usageReportedCents);
  if (r.taxRateBasisPoints !== null) out.push(`  Tax rate inferred from the invoices: ${(r.taxRateBasisPoints / 100).toFixed(3).replace(/\.?0+$/, '')}%`);
  out.push('');
  out.push(`GRANTS (${r.grants.length})`);
  out.push(`  ${pad('Shown as', 14)}${padLeft('Amount', 10)}${padLeft('Left', 10)}  ${pad('State', 10)}Bought`);
  for (const g of r.grants) {
    const p = g.purchase;
    const bought = p
      ? `${showWall(p.paidAt)}  invoice ${p.invoice}  ${formatCents(p.totalCents)} (${formatCents(p.taxCents)} tax)${p.confidence === 'likely' ? '  [likely]' : ''}`
      : `not found: ${g.unmatchedReason ?? 'unknown'}`;
    out.push(`  ${pad(showDay(g.displayedDate), 14)}${padLeft(formatCents(g.amountCents), 10)}${padLeft(formatCents(g.remainingCents), 10)}  ${pad(g.state, 10)}${bought}`);
  }
  out.push('');
  out.push(`INVOICES (${r.invoices.length})`);
  for (const i of r.invoices) {
    out.push(`  ${pad(i.number, 18)}${pad(i.status, 10)}${padLeft(formatCents(i.totalCents, i.currency), 10)}  ${pad(showWall(i.createdAt), 20)}${i.grantIds.length ? `bought ${i.grantIds.length} grant${i.grantIds.length > 1 ? 's' : ''}` : 'bought no grant seen'}`);
  }
  if (r.explanations.length) {
    out.push('');
    out.push('WHY THE PAGES DO NOT ADD UP');
    for (const e of r.explanations) out.push(`  - ${e}`);
  }
  if (r.warnings.length) {
    out.push('');
    out.push(`WARNINGS (${r.warnings.length})`);
    for (const w of r.warnings) out.push(`  - ${w}`);
  }
  return `${out.join('\n')}\n`;
}
