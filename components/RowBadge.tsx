// The note shown beside a grant or invoice row: what bought the grant, what the invoice bought,
// and the alerts about that row. Words come from the report's codes (lib/exports/wording.ts).
import { pageUrl } from '../lib/dashboard/pages';
import { safeLink } from '../lib/exports/links';
import { BADGE, unmatchedText } from '../lib/exports/wording';
import type { Report } from '../lib/report-schema';
import { UI } from './format';

export type Note = { tone: 'ok' | 'bad' | 'muted'; lines: string[]; alert?: string; link?: { href: string; text: string; label?: string } };

interface ReportIndex {
  grants: Map<string, Report['grants'][number]>;
  invoices: Map<string, Report['invoices'][number]>;
  /** invoice number → the proven unused credit when it was charged, and whether that is a critical claim */
  above: Map<string, { boundCents: number; critical: boolean }>;
  rapid: Set<string>;
  expiring: Set<string>;
  grantsRead: boolean;
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
    };
    indexes.set(report, index);
  }
  return index;
}

function aboveText(a: { boundCents: number; critical: boolean } | undefined): string | undefined {
  if (!a) return undefined;
  return a.critical ? BADGE.chargedAbove(a.boundCents, UI) : BADGE.maybeAbove(a.boundCents, UI);
}

export function grantNote(report: Report, grantId: string): Note | null {
  const index = indexOf(report);
  const g = index.grants.get(grantId);
  if (!g) return null;
  const expiring = index.expiring.has(grantId);
  if (g.purchase) {
    const p = g.purchase;
    const lines = [BADGE.bought(p.paidAt, p.confidence === 'likely', UI), BADGE.invoiceLine(p.invoice, p.totalCents, p.taxCents, UI)];
    const alert = aboveText(index.above.get(p.invoice)) ?? (expiring ? BADGE.expiresSoon(g.remainingCents, UI) : undefined);
    // The invoice's own page, when the billing history linked one on a host we trust.
    const href = safeLink(index.invoices.get(p.invoice)?.url);
    return { tone: alert ? 'bad' : 'ok', lines, alert, link: href ? { href, text: BADGE.openInvoice, label: BADGE.openInvoiceLabel(p.invoice) } : undefined };
  }
  if (g.unmatched?.code === 'history-not-read') {
    return { tone: 'muted', lines: [BADGE.purchaseNotKnown], link: { href: pageUrl('billing-history'), text: BADGE.openHistory } };
  }
  return { tone: 'muted', lines: [g.unmatched ? unmatchedText(g.unmatched, g.amountCents, UI) : BADGE.noPurchase] };
}

export function invoiceNote(report: Report, number: string): Note | null {
  const index = indexOf(report);
  const inv = index.invoices.get(number);
  if (!inv) return null;
  const lines: string[] = [];
  if (inv.totalCents < 0) lines.push(BADGE.refundRow);
  else if (inv.status === 'refunded') lines.push(BADGE.refunded);
  else if (inv.status === 'partially-refunded') lines.push(BADGE.partlyRefunded);
  else if (inv.status === 'other') lines.push(BADGE.unknownStatus);
  else if (inv.status !== 'paid') lines.push(BADGE.noMoneyTaken(inv.status));
  for (const id of inv.grantIds) {
    const g = index.grants.get(id);
    if (g) lines.push(BADGE.boughtGrant(g.amountCents, g.displayedDate, UI));
  }
  const charge = inv.charge !== 'not-a-charge';
  if (charge && inv.charge === 'purchase') lines.push(BADGE.byHand);
  if (charge && !inv.grantIds.length) lines.push(index.grantsRead ? BADGE.noGrantSeen : BADGE.grantsNotRead);
  const alert = aboveText(index.above.get(number)) ?? (index.rapid.has(number) ? BADGE.rapid : undefined);
  const link = charge && !inv.grantIds.length && !index.grantsRead ? { href: pageUrl('credit-grants'), text: BADGE.openGrants } : undefined;
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
