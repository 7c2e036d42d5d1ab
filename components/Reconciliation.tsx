// Paid = credit + tax; then where the credit is: used, available, expired. A figure a page not
// read yet would give says so, instead of showing $0.00.
import type { Report } from '../lib/report-schema';
import { wordsFor } from './format';

function Row({ label, value, main = false, missing = false }: { label: string; value: string; main?: boolean; missing?: boolean }) {
  return (
    <div class={main ? 'cl-recon-row cl-recon-main' : 'cl-recon-row'}>
      <dt>{label}</dt>
      <dd class={missing ? 'cl-muted' : undefined}>{value}</dd>
    </div>
  );
}

export function Reconciliation({ report }: { report: Report }) {
  const w = wordsFor(report);
  const t = report.totals;
  const read = new Set(report.pagesRead);
  const history = read.has('billing-history');
  const grants = read.has('credit-grants');
  const both = history && grants;
  const other = t.paidCents - t.creditsPurchasedCents - t.taxCents;
  const NOT_READ = w.t('recon.notRead');
  const value = (known: boolean, cents: number | null, label: string, main = false) => (
    <Row label={label} value={known && cents !== null ? w.money(cents) : NOT_READ} main={main} missing={!known || cents === null} />
  );
  return (
    <dl class="cl-recon" aria-label={w.t('recon.label')}>
      {value(history, t.paidCents, w.t(t.refundedCents ? 'recon.paidNet' : 'recon.paid'), true)}
      {value(both, t.creditsPurchasedCents, w.t('recon.creditBought'))}
      {value(both, t.taxCents, w.t('recon.tax'))}
      {both && other !== 0 && value(true, other, w.t(t.refundedCents ? 'recon.otherRefunds' : 'recon.other'))}
      {history && t.refundedCents !== 0 && value(true, t.refundedCents, w.t('recon.refunded'))}
      {value(grants, t.creditsUsedCents, w.t('recon.used'), true)}
      {value(grants, t.creditsAvailableCents, w.t('recon.available'))}
      {value(grants, t.creditsExpiredCents, w.t('recon.expired'))}
      {value(true, t.usageReportedCents, w.t('recon.usage'))}
    </dl>
  );
}
