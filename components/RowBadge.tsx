// The note shown beside a grant or invoice row: what bought the grant, what the invoice bought,
// and the alerts about that row. Words come from the report's codes (lib/exports/wording.ts).
// A note is data (lib/row-notes.ts): made here, drawn by badgeElement below, so the words and
// the drawing change apart.
import { pageUrl } from '../lib/dashboard/pages';
import type { InvoiceStatus } from '../lib/dashboard/snapshot';
import { safeLink } from '../lib/exports/links';
import { BADGE, unmatchedText, type Words } from '../lib/exports/wording';
import type { Report } from '../lib/report-schema';
import type { RowNote } from '../lib/row-notes';
import { words, wordsFor } from './format';

export type Note = RowNote;

interface ReportIndex {
  grants: Map<string, Report['grants'][number]>;
  invoices: Map<string, Report['invoices'][number]>;
  /** invoice number → the proven unused credit when it was charged, and whether that is a critical claim */
  above: Map<string, { boundCents: number; critical: boolean }>;
  rapid: Set<string>;
  expiring: Set<string>;
  grantsRead: boolean;
  /** The words notes are said in: the browser's language, money in the account's currency. */
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
  if (g.unmatched?.code === 'history-not-read') return historyNotRead(w);
  if (g.unmatched?.code === 'history-partly-read') return historyPartlyRead(g.unmatched, g.amountCents, w);
  return { tone: 'muted', lines: [g.unmatched ? unmatchedText(g.unmatched, g.amountCents, w) : w.t('badge.noPurchase')] };
}

const historyNotRead = (w: Words): Note => ({ tone: 'muted', lines: [w.t('badge.purchaseNotKnown')], link: { href: pageUrl('billing-history'), text: w.t('badge.openHistory') } });
const historyPartlyRead = (reason: Parameters<typeof unmatchedText>[0], amountCents: number, w: Words): Note => ({
  tone: 'muted',
  lines: [unmatchedText(reason, amountCents, w)],
  link: { href: pageUrl('billing-history'), text: w.t('badge.openHistory') },
});

/** What an invoice's own status says (nothing for a paid one). */
function statusLine(status: InvoiceStatus, totalCents: number, w: Words): string | null {
  if (totalCents < 0) return w.t('badge.refundRow');
  if (status === 'refunded') return w.t('badge.refunded');
  if (status === 'partially-refunded') return w.t('badge.partlyRefunded');
  if (status === 'other') return w.t('badge.unknownStatus');
  if (status !== 'paid') return BADGE.noMoneyTaken(status, w);
  return null;
}

export function invoiceNote(report: Report, number: string): Note | null {
  const index = indexOf(report);
  const w = index.w;
  const inv = index.invoices.get(number);
  if (!inv) return null;
  const lines: string[] = [];
  const status = statusLine(inv.status, inv.totalCents, w);
  if (status) lines.push(status);
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

// Before the background answers, a badge says only what the page itself shows, so it is true
// whatever the ledger holds; the answer then refines it. Muted: nothing has been checked yet.

/** A grant row's note from its page alone: while no organization's billing history is read, no purchase is known. */
export function pageGrantNote(historyRead: boolean, w: Words = words()): Note | null {
  return historyRead ? null : historyNotRead(w);
}

/**
 * An invoice row's note from its page alone: its status, and, for a charge while no organization's
 * credit grants are read, that what it bought is not known yet.
 */
export function pageInvoiceNote(row: { status: InvoiceStatus; totalCents: number }, charge: boolean, grantsRead: boolean, w: Words = words()): Note | null {
  const lines: string[] = [];
  const status = statusLine(row.status, row.totalCents, w);
  if (status) lines.push(status);
  const unknown = charge && !grantsRead;
  if (unknown) lines.push(w.t('badge.grantsNotRead'));
  if (!lines.length) return null;
  return { tone: 'muted', lines, link: unknown ? { href: pageUrl('credit-grants'), text: w.t('badge.openGrants') } : undefined };
}

function part(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const el = doc.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

// A token joined by a hyphen (an invoice number, 5E1F7A2C-0002) is one word: it never wraps.
const JOINED = /\S*[\p{L}\p{N}]-[\p{L}\p{N}]\S*/gu;

/** A line as text, its hyphen-joined tokens kept whole. */
function line(doc: Document, tag: string, className: string, text: string): HTMLElement {
  const el = part(doc, tag, className);
  let at = 0;
  for (const m of text.matchAll(JOINED)) {
    if (m.index > at) el.append(text.slice(at, m.index));
    el.append(part(doc, 'span', 'badge-whole', m[0]));
    at = m.index + m[0].length;
  }
  if (at < text.length) el.append(text.slice(at));
  return el;
}

/** A note drawn: plain DOM (a thousand rows draw in a few ms), scraped text set as text only. */
export function badgeElement(note: Note, doc: Document = document): HTMLElement {
  const badge = part(doc, 'span', `badge badge-${note.tone}`);
  badge.setAttribute('role', 'note');
  badge.setAttribute('aria-label', `Credit Lens: ${[...note.lines, note.alert].filter(Boolean).join('. ')}`);
  const mark = part(doc, 'span', 'badge-mark', note.tone === 'bad' ? '!' : '◎');
  mark.setAttribute('aria-hidden', 'true');
  const text = part(doc, 'span', 'badge-text');
  for (const l of note.lines) text.append(line(doc, 'span', 'badge-line', l));
  if (note.alert) text.append(line(doc, 'strong', 'badge-line badge-alert', note.alert));
  if (note.link) {
    const a = part(doc, 'a', 'badge-link', note.link.text) as HTMLAnchorElement;
    a.href = note.link.href;
    a.target = '_blank';
    a.rel = 'noreferrer noopener';
    if (note.link.label) a.setAttribute('aria-label', note.link.label);
    text.append(a);
  }
  badge.append(mark, text);
  return badge;
}
