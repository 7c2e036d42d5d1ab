// Paid = credit + tax; then where the credit is: used, available, expired.
import type { Report } from '../lib/report-schema';
import { money } from './format';

export function Reconciliation({ report }: { report: Report }) {
  const t = report.totals;
  const other = t.paidCents - t.creditsPurchasedCents - t.taxCents;
  return (
    <dl class="cl-recon" aria-label="Reconciliation">
      <div class="cl-recon-row cl-recon-main">
        <dt>Paid</dt>
        <dd>{money(t.paidCents)}</dd>
      </div>
      <div class="cl-recon-row">
        <dt>= credit bought</dt>
        <dd>{money(t.creditsPurchasedCents)}</dd>
      </div>
      <div class="cl-recon-row">
        <dt>+ tax</dt>
        <dd>{money(t.taxCents)}</dd>
      </div>
      {other !== 0 && (
        <div class="cl-recon-row">
          <dt>+ paid for no grant seen</dt>
          <dd>{money(other)}</dd>
        </div>
      )}
      <div class="cl-recon-row cl-recon-main">
        <dt>Credit used</dt>
        <dd>{money(t.creditsUsedCents)}</dd>
      </div>
      <div class="cl-recon-row">
        <dt>Available</dt>
        <dd>{money(t.creditsAvailableCents)}</dd>
      </div>
      <div class="cl-recon-row">
        <dt>Expired unused</dt>
        <dd>{money(t.creditsExpiredCents)}</dd>
      </div>
      <div class="cl-recon-row">
        <dt>Usage page says</dt>
        <dd>{t.usageReportedCents === null ? 'not read yet' : money(t.usageReportedCents)}</dd>
      </div>
    </dl>
  );
}
