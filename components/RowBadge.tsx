// The note shown beside a grant or invoice row: what bought the grant, what the invoice bought,
// and the alerts about that row.
import { pageUrl } from '../lib/dashboard/pages';
import { safeLink } from '../lib/exports/links';
import type { Report } from '../lib/report-schema';
import { day, money, wall } from './format';

export type Note = { tone: 'ok' | 'bad' | 'muted'; lines: string[]; alert?: string; link?: { href: string; text: string; label?: string } };

interface ReportIndex {
  grants: Map<string, Report['grants'][number]>;
  invoices: Map<string, Report['invoices'][number]>;
  /** invoice number → the proven unused credit when it was charged */
  above: Map<string, number>;
  rapid: Set<string>;
  expiring: Set<string>;
}

// Notes are asked for row by row (a thousand rows): look things up, never scan the report.
const indexes = new WeakMap<Report, ReportIndex>();
function indexOf(report: Report): ReportIndex {
  let index = indexes.get(report);
  if (!index) {
    index = {
      grants: new Map(report.grants.map((g) => [g.id, g])),
      invoices: new Map(report.invoices.map((i) => [i.number, i])),
      above: new Map(report.alerts.filter((a) => a.kind === 'recharge-above-threshold' && a.boundCents !== undefined).map((a) => [a.invoices[0]!, a.boundCents!])),
      rapid: new Set(report.alerts.filter((a) => a.kind === 'rapid-recharge').flatMap((a) => a.invoices)),
      expiring: new Set(report.alerts.filter((a) => a.kind === 'credits-expiring').flatMap((a) => a.grants)),
    };
    indexes.set(report, index);
  }
  return index;
}

export function grantNote(report: Report, grantId: string): Note | null {
  const index = indexOf(report);
  const g = index.grants.get(grantId);
  if (!g) return null;
  const expiring = index.expiring.has(grantId);
  if (g.purchase) {
    const p = g.purchase;
    const lines = [`Bought ${wall(p.paidAt)}${p.confidence === 'likely' ? ' (likely)' : ''}`, `Invoice ${p.invoice} · ${money(p.totalCents)} (${money(p.taxCents)} tax)`];
    const above = index.above.get(p.invoice);
    const alert = above !== undefined ? `Charged while at least ${money(above)} was unused` : expiring ? `Expires soon with ${money(g.remainingCents)} unused` : undefined;
    // The invoice's own page, when the billing history linked one on a host we trust.
    const href = safeLink(index.invoices.get(p.invoice)?.url);
    return { tone: alert ? 'bad' : 'ok', lines, alert, link: href ? { href, text: 'Open invoice', label: `Open invoice ${p.invoice}` } : undefined };
  }
  if (g.unmatchedReason?.includes('billing history has not been read')) {
    return { tone: 'muted', lines: ['Purchase not known yet'], link: { href: pageUrl('billing-history'), text: 'Open billing history' } };
  }
  return { tone: 'muted', lines: [g.unmatchedReason ?? 'No purchase found'] };
}

export function invoiceNote(report: Report, number: string): Note | null {
  const index = indexOf(report);
  const inv = index.invoices.get(number);
  if (!inv) return null;
  const above = index.above.get(number);
  const lines: string[] = [];
  if (inv.status === 'refunded') lines.push('Refunded: bought no credit');
  else if (inv.status === 'other') lines.push('Status not recognised: not counted as paid');
  else if (inv.status !== 'paid') lines.push(`${inv.status[0]!.toUpperCase()}${inv.status.slice(1)}: bought no credit`);
  for (const id of inv.grantIds) {
    const g = index.grants.get(id);
    if (g) lines.push(`→ ${money(g.amountCents)} grant, shown as ${day(g.displayedDate)}`);
  }
  if (inv.status === 'paid' && !inv.grantIds.length) lines.push(report.grants.length ? 'No grant seen for this payment' : 'Open credit grants to see what it bought');
  const rapid = index.rapid.has(number);
  const alert = above !== undefined ? `Charged while at least ${money(above)} was unused` : rapid ? 'Part of a rapid burst of charges' : undefined;
  const link = inv.status === 'paid' && !inv.grantIds.length && !report.grants.length ? { href: pageUrl('credit-grants'), text: 'Open credit grants' } : undefined;
  return { tone: alert ? 'bad' : inv.status === 'paid' ? 'ok' : 'muted', lines, alert, link };
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
