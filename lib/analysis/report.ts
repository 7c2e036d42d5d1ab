// One function from a ledger (+ settings, + today) to the contract's report.
import { formatCents } from '../dashboard/money';
import type { OrgLedger } from '../ledger/schema';
import { REPORT_SCHEMA, type Alert, type Report } from '../report-schema';
import { accumulatingAlerts } from './alerts/accumulating';
import { aboveThresholdAlerts } from './alerts/above-threshold';
import { expiringAlerts } from './alerts/expiring';
import { rapidRechargeAlerts } from './alerts/rapid-recharge';
import { unmatchedChargeAlerts } from './alerts/unmatched-charge';
import { usageMismatchAlerts } from './alerts/usage-mismatch';
import { boundsAtRecharges } from './balance-bound';
import { explanations } from './explanations';
import { matchGrants } from './match';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { grantViews, invoiceViews } from './views';

export type Source = Report['sources'][number];

export interface ReportOptions {
  settings?: Settings;
  /** Today's date, YYYY-MM-DD, wall clock: decides expiry. */
  today: string;
  /** Where the data came from; by default, the pages the ledger has seen. */
  sources?: Source[];
  warnings?: string[];
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export function buildReport(org: OrgLedger, options: ReportOptions): Report {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const warnings = [...(options.warnings ?? [])];
  const sources: Source[] =
    options.sources ??
    (Object.entries(org.pages) as [Source['page'], NonNullable<OrgLedger['pages']['overview']>][]).map(([page, seen]) => ({
      page,
      file: null,
      rows: seen.rows,
      warnings: seen.warnings,
      locale: null,
      seenAt: seen.seenAt,
    }));
  if (!options.sources) for (const s of sources) warnings.push(...s.warnings);

  const grants = grantViews(org, options.today);
  const allInvoices = invoiceViews(org);
  // Money in another currency than the grants' is listed, never matched or summed with dollars.
  const currency = mostCommon(org.grants.map((g) => g.currency)) ?? 'USD';
  const invoices = allInvoices.filter((i) => i.currency === currency);
  const foreign = allInvoices.length - invoices.length;
  if (foreign) warnings.push(`${foreign} invoice${foreign > 1 ? 's are' : ' is'} in another currency than the grants (${currency}): listed, but not matched to grants nor counted in totals and alerts.`);
  const paid = invoices.filter((i) => i.status === 'paid');
  const historySeen = org.pages['billing-history'] !== undefined || org.invoices.length > 0;
  const grantsSeenAt = org.pages['credit-grants']?.seenAt ?? (org.grants.length ? org.grants.reduce((m, g) => (g.stateSeenAt > m ? g.stateSeenAt : m), '') : null);
  const oldestInvoiceDay = invoices.length ? invoices.reduce((m, i) => (i.createdAt < m ? i.createdAt : m), invoices[0]!.createdAt).slice(0, 10) : null;
  const matching = matchGrants(grants, invoices, { historySeen, oldestInvoiceDay });

  const unknown = org.invoices.filter((_, k) => allInvoices[k]!.status === 'other');
  if (unknown.length) {
    const words = [...new Set(unknown.map((i) => i.statuses[i.statuses.length - 1]![1] || '(empty)'))].slice(0, 3).map((w) => `"${w.slice(0, 40)}"`);
    warnings.push(`${unknown.length} invoice${unknown.length > 1 ? 's have a status' : ' has a status'} Credit Lens does not recognise (${words.join(', ')}): not counted as paid.`);
  }
  if (grantsSeenAt === null) warnings.push('The credit grants page has not been read: open it so payments can be matched to the credit they bought.');
  if (!historySeen) warnings.push('The billing history has not been read: open it to see what was paid and when.');

  const reportGrants = org.grants.map((_, k) => {
    const g = grants[k]!;
    return {
      id: g.id,
      displayedDate: g.displayedDate,
      state: g.state,
      amountCents: g.amountCents,
      remainingCents: g.remainingCents,
      usedCents: g.amountCents - g.remainingCents,
      expiresOn: g.expiresOn,
      purchase: matching.purchases.get(g.id) ?? null,
      unmatchedReason: matching.purchases.has(g.id) ? null : (matching.unmatchedReasons.get(g.id) ?? null),
    };
  });
  const reportInvoices = allInvoices.map((i) => ({
    number: i.number,
    status: i.status,
    totalCents: i.totalCents,
    createdAt: i.createdAt,
    grantIds: i.currency === currency ? (matching.grantsOf.get(i.number) ?? []) : [],
    currency: i.currency,
    url: i.url,
  }));

  const rate = matching.taxRate;
  const amountOf = new Map(grants.map((g) => [g.id, g.amountCents]));
  // Matched invoices: total − the grants they bought, exactly. Unmatched paid ones: estimated
  // at the inferred rate (rounded to the cent once, per invoice).
  const taxOf = (i: (typeof paid)[number]): number => {
    const bought = matching.grantsOf.get(i.number);
    if (bought) return i.totalCents - bought.reduce((s, id) => s + amountOf.get(id)!, 0);
    return rate === null ? 0 : i.totalCents - Math.round(i.totalCents / (1 + rate));
  };
  const totals = {
    paidCents: paid.reduce((s, i) => s + i.totalCents, 0),
    taxCents: paid.reduce((s, i) => s + taxOf(i), 0),
    creditsPurchasedCents: reportGrants.filter((g) => g.purchase).reduce((s, g) => s + g.amountCents, 0),
    creditsUsedCents: reportGrants.reduce((s, g) => s + g.usedCents, 0),
    creditsAvailableCents: reportGrants.filter((g) => g.state !== 'expired').reduce((s, g) => s + g.remainingCents, 0),
    creditsExpiredCents: reportGrants.filter((g) => g.state === 'expired').reduce((s, g) => s + g.remainingCents, 0),
    usageReportedCents: org.usage ? org.usage.totalSpendCents : null,
  };

  const autoRecharge = org.overview?.autoRecharge ?? null;
  const overviewThreshold = autoRecharge?.thresholdCents ?? null;
  const threshold = overviewThreshold ?? settings.thresholdCents;
  const bounds = boundsAtRecharges(grants, matching.purchases, paid);
  const alerts: Alert[] = [...rapidRechargeAlerts(paid, settings)];
  if (threshold !== null) {
    alerts.push(...aboveThresholdAlerts(bounds, threshold, matching.grantsOf));
  } else if (paid.length) {
    warnings.push('The auto-recharge threshold is unknown (open the billing overview, or set it in the options): recharges were not checked against it.');
  }
  alerts.push(
    ...accumulatingAlerts(bounds),
    ...usageMismatchAlerts(org.usage, paid, totals.creditsUsedCents, totals.creditsAvailableCents),
    ...expiringAlerts(grants, options.today, settings.expiringDays),
    ...unmatchedChargeAlerts(paid, matching.grantsOf, grantsSeenAt),
  );
  alerts.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (overviewThreshold === null && settings.thresholdCents !== null) {
    warnings.push(`Using the threshold ${formatCents(settings.thresholdCents)} from the settings: no overview page gave one.`);
  }

  const report: Omit<Report, 'explanations'> = {
    schema: REPORT_SCHEMA,
    organization: org.organization,
    sources,
    autoRecharge,
    grants: reportGrants,
    invoices: reportInvoices,
    totals,
    alerts,
    warnings: [...new Set(warnings)],
    unusedAtPayment: bounds.map((b) => ({ invoice: b.invoice.number, unusedCents: b.boundCents })),
    taxRateBasisPoints: rate === null ? null : Math.round(rate * 1e6) / 100,
  };
  return { ...report, explanations: explanations(report) };
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}
