// The note shown beside a grant or invoice row: what bought the grant, what the invoice bought,
// and the alerts about that row. Words come from the report's codes (lib/exports/wording.ts).
import { pageUrl } from '../lib/dashboard/pages';
import { safeLink } from '../lib/exports/links';
import { BADGE, unmatchedText, type Words } from '../lib/exports/wording';
import type { Report } from '../lib/report-schema';
import { wordsFor } from './format';

export type Note = { tone: 'ok' | 'bad' | 'muted'; lines: string[]; alert?: string; link?: { href: string; text: string; label?: string } };

interface ReportIndex {
  grants: Map<string, Report['grants'][number]>;
  invoices: Map<string, Report['invoices'][number]>;
  /** invoice number → the proven unused credit when it was charged, and whether that is a critical claim */
  above: Map<string, { boundCents: number; critical: boolean }>;
  rapid: Set<string>;
  expiring: Set<string>;
  grantsRead: boolean;
  /** The browser's words, with money in the account's currency. */
  w: Words;
}

// Notes are asked for row by row (a thousand rows): look things up, never scan the report.
const indexes = new WeakMap<Report, ReportIndex>();
function indexOf(report: Report): ReportIndex {
  let index = indexes.get(report);
  if (!index) {
    const above = new Map<string, { boundCents: number; critical: boolean }>();
    for (const a of report.alerts) {
      if (a.facts.code === 'recharge-above-threshold') above.set(a.facts.invoice, { boundCents: a.facts.boundCents, critical: a.severity === 'critical' });
    }
    index = {
      grants: new Map(report.grants.map((g) => [g.id, g])),
      invoices: new Map(report.invoices.map((i) => [i.number, i])),
      above,
      rapid: new Set(report.alerts.filter((a) => a.facts.code === 'rapid-recharge').flatMap((a) => a.invoices)),
      expiring: new Set(report.alerts.filter((a) => a.facts.code === 'credits-expiring').flatMap((a) => a.grants)),
      grantsRead: report.pagesRead.includes('credit-grants'),
      w: wordsFor(report),
    };
    indexes.set(report, index);
  }
  return index;
}

function aboveText(a: { boundCents: number; critical: boolean } | undefined, w: Words): string | undefined {
  if (!a) return undefined;
  return a.critical ? BADGE.chargedAbove(a.boundCents, w) : BADGE.maybeAbove(a.boundCents, w);
}

export function grantNote(report: Report, grantId: string): Note | null {
  const index = indexOf(report);
  const w = index.w;
  const g = index.grants.get(grantId);
  if (!g) return null;
  const expiring = index.expiring.has(grantId);
  if (g.purchase) {
    const p = g.purchase;
    const lines = [BADGE.bought(p.paidAt, p.confidence === 'likely', w), BADGE.invoiceLine(p.invoice, p.totalCents, p.taxCents, w)];
    const alert = aboveText(index.above.get(p.invoice), w) ?? (expiring ? BADGE.expiresSoon(g.remainingCents, w) : undefined);
    // The invoice's own page, when the billing history linked one on a host we trust.
    const href = safeLink(index.invoices.get(p.invoice)?.url);
    return { tone: alert ? 'bad' : 'ok', lines, alert, link: href ? { href, text: w.t('badge.openInvoice'), label: BADGE.openInvoiceLabel(p.invoice, w) } : undefined };
  }
  if (g.unmatched?.code === 'history-not-read') {
    return { tone: 'muted', lines: [w.t('badge.purchaseNotKnown')], link: { href: pageUrl('billing-history'), text: w.t('badge.openHistory') } };
  }
  return { tone: 'muted', lines: [g.unmatched ? unmatchedText(g.unmatched, g.amountCents, w) : w.t('badge.noPurchase')] };
}

export function invoiceNote(report: Report, number: string): Note | null {
  const index = indexOf(report);
  const w = index.w;
  const inv = index.invoices.get(number);
  if (!inv) return null;
  const lines: string[] = [];
  if (inv.totalCents < 0) lines.push(w.t('badge.refundRow'));
  else if (inv.status === 'refunded') lines.push(w.t('badge.refunded'));
  else if (inv.status === 'partially-refunded') lines.push(w.t('badge.partlyRefunded'));
  else if (inv.status === 'other') lines.push(w.t('badge.unknownStatus'));
  else if (inv.status !== 'paid') lines.push(BADGE.noMoneyTaken(inv.status, w));
  for (const id of inv.grantIds) {
    const g = index.grants.get(id);
    if (g) lines.push(BADGE.boughtGrant(g.amountCents, g.displayedDate, w));
  }
  const charge = inv.charge !== 'not-a-charge';
  if (charge && inv.charge === 'purchase') lines.push(w.t('badge.byHand'));
  if (charge && !inv.grantIds.length) lines.push(index.grantsRead ? w.t('badge.noGrantSeen') : w.t('badge.grantsNotRead'));
  const alert = aboveText(index.above.get(number), w) ?? (index.rapid.has(number) ? w.t('badge.rapid') : undefined);
  const link = charge && !inv.grantIds.length && !index.grantsRead ? { href: pageUrl('credit-grants'), text: w.t('badge.openGrants') } : undefined;
  return { tone: alert ? 'bad' : charge ? 'ok' : 'muted', lines, alert, link };
}

export function RowBadge({ note }: { note: Note }) {
  return (
    <span class={`badge badge-${note.tone}`} role="note" aria-label={`Credit Lens: ${[...note.lines, note.alert].filter(Boolean).join('. ')}`}>
      <span class="badge-mark" aria-hidden="true">
        {note.tone === 'bad' ? '!' : '◎'}
      </span>
      <span class="badge-text">
        {note.lines.map((l, i) => (
          <span key={i} class="badge-line">
            {l}
          </span>
        ))}
        {note.alert && <strong class="badge-line badge-alert">{note.alert}</strong>}
        {note.link && (
          <a class="badge-link" href={note.link.href} target="_blank" rel="noreferrer noopener" aria-label={note.link.label}>
            {note.link.text}
          </a>
        )}
      </span>
    </span>
  );
}
