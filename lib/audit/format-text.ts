// The readable report, for a person at a terminal. Every line rests on a page that was read;
// what was not read says so, and which page to open.
import { formatCents } from '../dashboard/money';
import { cleanText } from '../dashboard/text';
import type { Report } from '../report-schema';
import { PAGE_NAMES, PAGE_PURPOSES, plainFor, taxRateText } from '../exports/english';
import { pagesMissing } from '../exports/wording';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

const CHARGE_WORDS: Record<Report['invoices'][number]['charge'], string> = {
  recharge: '',
  purchase: '  (a purchase by hand: not an auto-recharge)',
  unknown: '',
  'not-a-charge': '',
};

export function formatReport(r: Report): string {
  const { money, wall, day } = plainFor(r.currency);
  const out: string[] = [];
  const t = r.totals;
  const read = new Set(r.pagesRead);
  out.push(`Credit Lens audit — organization: ${r.organization !== null ? cleanText(r.organization, 200) : '(not shown on the pages)'}`);
  out.push(
    `Read: ${r.sources.map((s) => `${s.file ?? s.page} (${s.page}, ${s.rows} rows${s.seenAt ? `, seen by ${wall(s.seenAt)}` : ''})`).join(', ')}`,
  );
  const missing = pagesMissing(r);
  if (missing.length) out.push(`Not read yet: ${missing.map((p) => `${PAGE_NAMES[p]} (${PAGE_PURPOSES[p]})`).join(', ')}`);
  if (r.autoRecharge) {
    const a = r.autoRecharge;
    out.push(
      `Auto-recharge (billing overview): ${a.enabled ? 'ON' : 'OFF now'}${a.thresholdCents !== null ? `, charges when the balance reaches ${money(a.thresholdCents)}` : ''}${a.targetCents !== null ? `, up to ${money(a.targetCents)}` : ''}`,
    );
  }
  const rule = r.rechargeRule;
  if (rule.thresholdFrom === 'settings' || rule.targetFrom === 'settings') {
    out.push(
      `Auto-recharge (given on the command line): ${rule.thresholdFrom === 'settings' ? `threshold ${money(rule.thresholdCents!)}` : ''}${rule.thresholdFrom === 'settings' && rule.targetFrom === 'settings' ? ', ' : ''}${rule.targetFrom === 'settings' ? `target ${money(rule.targetCents!)}` : ''}`,
    );
  }
  out.push('');
  out.push(`ALERTS (${r.alerts.length})`);
  if (!r.alerts.length) out.push(missing.length ? '  none from the pages read' : '  none');
  for (const a of r.alerts) out.push(`  [${a.severity}] ${a.kind}: ${a.message}`);
  out.push('');
  out.push('RECONCILIATION');
  const line = (label: string, value: string) => out.push(`  ${pad(label, 34)}${padLeft(value, 12)}`);
  const notRead = (page: keyof typeof PAGE_NAMES) => `not read yet (${PAGE_NAMES[page]})`;
  if (read.has('billing-history')) {
    line(t.refundedCents ? 'Paid (net of refunds)' : 'Paid', money(t.paidCents));
    if (read.has('credit-grants')) {
      line('  = credit bought', money(t.creditsPurchasedCents));
      line('  + tax', money(t.taxCents));
      const other = t.paidCents - t.creditsPurchasedCents - t.taxCents;
      if (other) line(t.refundedCents ? '  + paid for no grant seen, − refunds' : '  + paid for no grant seen', money(other));
    }
    if (t.refundedCents) line('Refunded', money(t.refundedCents));
  } else {
    out.push(`  Paid: ${notRead('billing-history')}`);
  }
  if (read.has('credit-grants')) {
    line('Credit used (all grants)', money(t.creditsUsedCents));
    line('Credit available (unexpired)', money(t.creditsAvailableCents));
    line('Credit expired unused', money(t.creditsExpiredCents));
  } else {
    out.push(`  Credit bought, used and available: ${notRead('credit-grants')}`);
  }
  line('Usage page reported', t.usageReportedCents === null ? 'not read' : money(t.usageReportedCents));
  if (r.taxPeriods.length === 1) out.push(`  Tax rate inferred from the invoices: ${taxRateText(r.taxPeriods[0]!.rateBasisPoints)}`);
  if (r.taxPeriods.length > 1) {
    out.push(`  Tax rates inferred from the invoices: ${r.taxPeriods.map((p) => `${taxRateText(p.rateBasisPoints)} from ${wall(p.from)}`).join(', ')}`);
  }
  out.push('');
  out.push(read.has('credit-grants') ? `GRANTS (${r.grants.length})` : `GRANTS: ${notRead('credit-grants')}`);
  if (r.grants.length) out.push(`  ${pad('Shown as', 14)}${padLeft('Amount', 10)}${padLeft('Left', 10)}  ${pad('State', 10)}Bought`);
  for (const g of r.grants) {
    const p = g.purchase;
    const bought = p
      ? `${wall(p.paidAt)}  invoice ${p.invoice}  ${money(p.totalCents)} (${money(p.taxCents)} tax)${p.confidence === 'likely' ? '  [likely]' : ''}`
      : `not found: ${g.unmatchedReason ?? 'unknown'}`;
    out.push(`  ${pad(day(g.displayedDate), 14)}${padLeft(money(g.amountCents), 10)}${padLeft(money(g.remainingCents), 10)}  ${pad(g.state, 10)}${bought}`);
  }
  out.push('');
  out.push(read.has('billing-history') ? `INVOICES (${r.invoices.length})` : `INVOICES: ${notRead('billing-history')}`);
  for (const i of r.invoices) {
    const what =
      i.charge === 'not-a-charge'
        ? i.totalCents < 0
          ? 'a refund'
          : 'no money taken'
        : i.grantIds.length
          ? `bought ${i.grantIds.length} grant${i.grantIds.length > 1 ? 's' : ''}`
          : read.has('credit-grants')
            ? 'bought no grant seen'
            : 'what it bought: credit grants page not read yet';
    out.push(`  ${pad(i.number, 18)}${pad(i.status, 10)}${padLeft(i.currency === r.currency ? money(i.totalCents) : formatCents(i.totalCents, i.currency), 10)}  ${pad(wall(i.createdAt), 20)}${what}${CHARGE_WORDS[i.charge]}`);
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
