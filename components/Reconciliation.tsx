// Paid = credit + tax; then where the credit is: used, available, expired. A figure a page not
// read yet would give says so, instead of showing $0.00.
import type { Report } from '../lib/report-schema';
import { money } from './format';

const NOT_READ = 'not read yet';

function Row({ label, value, main = false }: { label: string; value: string; main?: boolean }) {
  return (
    <div class={main ? 'cl-recon-row cl-recon-main' : 'cl-recon-row'}>
      <dt>{label}</dt>
      <dd class={value === NOT_READ ? 'cl-muted' : undefined}>{value}</dd>
    </div>
  );
}

export function Reconciliation({ report }: { report: Report }) {
  const t = report.totals;
  const read = new Set(report.pagesRead);
  const history = read.has('billing-history');
  const grants = read.has('credit-grants');
  const both = history && grants;
  const other = t.paidCents - t.creditsPurchasedCents - t.taxCents;
  return (
    <dl class="cl-recon" aria-label="Reconciliation">
      <Row label={t.refundedCents ? 'Paid (net of refunds)' : 'Paid'} value={history ? money(t.paidCents) : NOT_READ} main />
      <Row label="= credit bought" value={both ? money(t.creditsPurchasedCents) : NOT_READ} />
      <Row label="+ tax" value={both ? money(t.taxCents) : NOT_READ} />
      {both && other !== 0 && <Row label={t.refundedCents ? '+ paid for no grant seen, − refunds' : '+ paid for no grant seen'} value={money(other)} />}
      {history && t.refundedCents !== 0 && <Row label="Refunded" value={money(t.refundedCents)} />}
      <Row label="Credit used" value={grants ? money(t.creditsUsedCents) : NOT_READ} main />
      <Row label="Available" value={grants ? money(t.creditsAvailableCents) : NOT_READ} />
      <Row label="Expired unused" value={grants ? money(t.creditsExpiredCents) : NOT_READ} />
      <Row label="Usage page says" value={t.usageReportedCents === null ? NOT_READ : money(t.usageReportedCents)} />
    </dl>
  );
}
