// One function from a ledger (+ settings, + today) to the contract's report.
import { PAGE_KINDS, type PageKind } from '../dashboard/pages/kinds';
import type { OrgLedger } from '../ledger/schema';
import { REPORT_SCHEMA, type Alert, type ChargeKind, type Report, type ReportNote } from '../report-schema';
import { PLAIN, plainFor } from '../exports/english';
import { alertMessage, explanationText, noteText, unmatchedText } from '../exports/wording';
import { accumulatingAlerts } from './alerts/accumulating';
import { aboveThresholdAlerts } from './alerts/above-threshold';
import { expiringAlerts } from './alerts/expiring';
import { rapidRechargeAlerts } from './alerts/rapid-recharge';
import { unmatchedChargeAlerts } from './alerts/unmatched-charge';
import { usageMismatchAlerts } from './alerts/usage-mismatch';
import { balanceBelowGrants, boundsAtRecharges } from './balance-bound';
import { latestPurchaseTimes } from './bound-purchases';
import { chargeKind, isCharge, rechargeRule } from './charges';
import { explanationFacts } from './explanations';
import { addMonthsToDay } from './expiry';
import { matchGrants } from './match';
import { paidRows } from './paid';
import { provenSeenAt, TIME_NOT_SHOWN } from './seen-at';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { inferTaxPeriods } from './tax-periods';
import { grantViews, invoiceViews, type InvoiceView } from './views';
import { historyCoverage } from '../ledger/history-pages';

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

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && v < best)) best = v;
  return best;
}

/** The pages whose data the ledger holds. */
export function pagesRead(org: OrgLedger): PageKind[] {
  return PAGE_KINDS.filter((k) => {
    if (org.pages[k]?.understood) return true;
    if (k === 'credit-grants') return org.grants.length > 0;
    if (k === 'billing-history') return org.invoices.length > 0;
    if (k === 'overview') return org.overview !== null;
    return org.usage !== null;
  });
}

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
      seenAt: seen.seenAt === TIME_NOT_SHOWN ? null : seen.seenAt,
    }));
  if (!options.sources) for (const s of sources) warnings.push(...s.warnings);

  const read = pagesRead(org);
  const grantsRead = read.includes('credit-grants');
  const historyRead = read.includes('billing-history');
  const grants = grantViews(org, options.today);
  const invoices = invoiceViews(org);
  const accountCurrency = mostCommon(grants.map((g) => g.currency)) ?? mostCommon(invoices.map((i) => i.currency)) ?? 'USD';
  const charges = invoices.filter((i) => isCharge(i, accountCurrency));
  const words = plainFor(accountCurrency);
  const tax = inferTaxPeriods(charges, grants.filter((g) => g.currency === accountCurrency).map((g) => g.amountCents));
  const historySeenAt = org.pages['billing-history']?.seenAt ?? null;
  const historyWindowFrom = historySeenAt === null ? null : addMonthsToDay(historySeenAt.slice(0, 10), -12);
  const coverage = historyCoverage(org.historyPages);
  const matching = matchGrants(grants, charges, { historyRead, historyWhole: coverage.whole, historyWindowFrom, accountCurrency, tax });
  // When each read of the grants is proven to have happened (saved files prove it by content).
  const seen = provenSeenAt(org.grants, matching.purchases);
  const rawGrantsSeenAt = org.pages['credit-grants']?.seenAt ?? (org.grants.length ? org.grants.reduce((m, g) => (g.stateSeenAt > m ? g.stateSeenAt : m), '') : null);
  const grantsSeenAt = rawGrantsSeenAt === null ? null : seen(rawGrantsSeenAt);

  const notes: ReportNote[] = [];
  const unknown = org.invoices.filter((_, k) => invoices[k]!.status === 'other');
  if (unknown.length) {
    const words = [...new Set(unknown.map((i) => i.statuses[i.statuses.length - 1]![1] || '(empty)'))].slice(0, 3).map((w) => w.slice(0, 40));
    notes.push({ code: 'unknown-status', count: unknown.length, words });
  }
  if (!grantsRead) notes.push({ code: 'page-not-read', page: 'credit-grants' });
  if (!historyRead) notes.push({ code: 'page-not-read', page: 'billing-history' });
  else if (!coverage.whole) notes.push({ code: 'history-partly-read', pagesRead: coverage.pagesRead, pages: coverage.pages });
  const partly = charges.filter((i) => i.status === 'partially-refunded').map((i) => i.number);
  if (partly.length) notes.push({ code: 'partly-refunded', invoices: partly });
  const foreign = invoices.filter((i) => i.currency !== accountCurrency);
  for (const currency of [...new Set(foreign.map((i) => i.currency))].sort()) {
    notes.push({ code: 'other-currency', count: foreign.filter((i) => i.currency === currency).length, currency, accountCurrency });
  }

  const amountOf = new Map(grants.map((g) => [g.id, g.amountCents]));
  const creditBought = new Map([...matching.grantsOf].map(([number, ids]) => [number, ids.reduce((s, id) => s + amountOf.get(id)!, 0)]));
  const money = paidRows(invoices, accountCurrency, tax, creditBought);
  const rule = rechargeRule(org.overview?.autoRecharge ?? null, settings);
  const kinds = new Map<string, ChargeKind>(
    invoices.map((i) => {
      const taken = isCharge(i, accountCurrency);
      const rate = tax.rateAt(i.createdAt);
      const credit = creditBought.get(i.number) ?? (rate === null ? null : Math.round(i.totalCents / (1 + rate)));
      return [i.number, chargeKind(taken, credit, rule)];
    }),
  );

  const reportGrants = org.grants.map((_, k) => {
    const g = grants[k]!;
    const purchase = matching.purchases.get(g.id) ?? null;
    const unmatched = purchase ? null : (matching.unmatched.get(g.id) ?? null);
    return {
      id: g.id,
      displayedDate: g.displayedDate,
      state: g.state,
      amountCents: g.amountCents,
      remainingCents: g.remainingCents,
      usedCents: g.amountCents - g.remainingCents,
      expiresOn: g.expiresOn,
      purchase,
      unmatchedReason: unmatched ? unmatchedText(unmatched, g.amountCents, words) : null,
      unmatched,
    };
  });
  const reportInvoices = invoices.map((i) => ({
    number: i.number,
    status: i.status,
    totalCents: i.totalCents,
    createdAt: i.createdAt,
    grantIds: matching.grantsOf.get(i.number) ?? [],
    currency: i.currency,
    url: i.url,
    charge: kinds.get(i.number)!,
    ...money.get(i.number)!,
  }));

  const sum = (f: (x: { paidCents: number; taxCents: number; refundedCents: number }) => number) => reportInvoices.reduce((s, i) => s + f(i), 0);
  const totals = {
    paidCents: sum((i) => i.paidCents),
    taxCents: sum((i) => i.taxCents),
    creditsPurchasedCents: reportGrants.filter((g) => g.purchase).reduce((s, g) => s + g.amountCents, 0),
    creditsUsedCents: reportGrants.reduce((s, g) => s + g.usedCents, 0),
    creditsAvailableCents: reportGrants.filter((g) => g.state !== 'expired').reduce((s, g) => s + g.remainingCents, 0),
    creditsExpiredCents: reportGrants.filter((g) => g.state === 'expired').reduce((s, g) => s + g.remainingCents, 0),
    usageReportedCents: org.usage ? org.usage.totalSpendCents : null,
    refundedCents: sum((i) => i.refundedCents),
  };

  // What an auto-recharge could have made: never a purchase made by hand.
  const cleared = new Set(settings.clearedCharges);
  const candidates: InvoiceView[] = charges.filter((i) => kinds.get(i.number) !== 'purchase' && !cleared.has(i.number));
  const proven = grants.map((g) => ({ ...g, remainingSeenAt: seen(g.remainingSeenAt) }));
  // Reads in two time zones (travel, a clock change): their wall clocks are this many minutes apart at most.
  const marginMinutes = org.utcOffsets.length > 1 ? Math.max(...org.utcOffsets) - Math.min(...org.utcOffsets) : 0;
  if (marginMinutes > 0) notes.push({ code: 'time-zones', marginMinutes });
  const boughtBy = latestPurchaseTimes(grants, matching, charges, tax);
  const bounds = grantsRead ? boundsAtRecharges(proven, boughtBy, charges, marginMinutes) : [];
  const candidateBounds = bounds.filter((b) => kinds.get(b.invoice.number) !== 'purchase' && !cleared.has(b.invoice.number));
  // The overview's balance below what the grants page shows held then: the grants lag behind usage.
  const lagging = grantsRead ? balanceBelowGrants(org.overview, proven, boughtBy, accountCurrency, marginMinutes) : null;
  if (lagging) notes.push({ code: 'balance-below-grants', ...lagging });
  const above = aboveThresholdAlerts(candidateBounds, rule, kinds, matching.grantsOf).map((a) => (lagging && a.severity === 'critical' ? { ...a, severity: 'warning' as const } : a));
  const provenAbove = new Set(above.filter((a) => a.severity === 'critical').map((a) => a.invoices[0]!));
  const alerts: Alert[] = [
    ...rapidRechargeAlerts(candidates, settings, {
      proven: provenAbove,
      above: new Set(above.map((a) => a.invoices[0]!)),
      grantsRead,
      thresholdKnown: rule.thresholdCents !== null,
    }, marginMinutes),
    ...above,
    ...accumulatingAlerts(candidateBounds),
    ...usageMismatchAlerts(org.usage, charges, grantsRead, totals.creditsUsedCents, totals.creditsAvailableCents),
    ...expiringAlerts(grants, options.today, settings.expiringDays),
    ...unmatchedChargeAlerts(charges, matching.grantsOf, grantsSeenAt),
  ];
  alerts.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  // The contract's messages, with money in the account's currency (the facts hold the numbers).
  if (words !== PLAIN) for (const a of alerts) a.message = alertMessage(a.facts, a.invoices, words);

  if (charges.length) {
    if (rule.thresholdCents === null) notes.push({ code: 'threshold-unknown', autoRechargeOff: rule.offNow });
    else if (rule.targetCents === null) notes.push({ code: 'target-unknown' });
    if (rule.thresholdFrom === 'settings') notes.push({ code: 'threshold-from-settings', thresholdCents: rule.thresholdCents! });
    if (rule.targetFrom === 'settings') notes.push({ code: 'target-from-settings', targetCents: rule.targetCents! });
    if (rule.offNow && rule.thresholdCents !== null) notes.push({ code: 'auto-recharge-off-now' });
  }
  warnings.push(...notes.map((n) => noteText(n, words)));

  const latestRate = tax.periods.length ? tax.periods[tax.periods.length - 1]!.rate : null;
  const base = {
    schema: REPORT_SCHEMA,
    organization: org.organization,
    sources: sources.map((src) => (src.seenAt === null ? src : { ...src, seenAt: seen(src.seenAt) })),
    autoRecharge: org.overview?.autoRecharge ?? null,
    grants: reportGrants,
    invoices: reportInvoices,
    totals,
    alerts,
    warnings: [...new Set(warnings)],
    notes,
    unusedAtPayment: bounds.map((b) => ({ invoice: b.invoice.number, unusedCents: b.boundCents })),
    taxRateBasisPoints: latestRate === null ? null : Math.round(latestRate * 1e6) / 100,
    taxPeriods: tax.periods.map((p) => ({ from: p.from, rateBasisPoints: Math.round(p.rate * 1e6) / 100 })),
    pagesRead: read,
    rechargeRule: rule,
    historyWindowFrom,
    currency: accountCurrency,
  } satisfies Omit<Report, 'explanations' | 'explanationFacts'>;
  const explanationList = explanationFacts(base);
  return { ...base, explanations: explanationList.map((e) => explanationText(e, words)), explanationFacts: explanationList };
}
