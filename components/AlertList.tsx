// The alerts, most severe first, each with its evidence in words a support agent understands.
// Alerts that tell one story are one card with its list of charges and one total
// (lib/exports/alert-groups.ts); each alert about auto-recharge says where it is switched off.
import { useState } from 'preact/hooks';
import { pageUrl } from '../lib/dashboard/pages';
import { aboutRecharges, alertCards, cardSeverity, type AlertCard } from '../lib/exports/alert-groups';
import { alertMessage, alertTitle, noAlertsText, type Words } from '../lib/exports/wording';
import type { Alert, Report } from '../lib/report-schema';
import { words, wordsFor } from './format';

/** Text with each invoice number it names kept on one line ("5E1F7A2C-0002" never splits at its hyphen). */
function withInvoices(text: string, invoices: readonly string[]) {
  const names = [...new Set(invoices)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!names.length) return text;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`);
  return text.split(pattern).map((part, i) => (i % 2 ? <span class="cl-inv">{part}</span> : part));
}

/**
 * "It was right": the user says a charge was a purchase made by hand, or a recharge under settings
 * changed since (the pages show only today's). It is then never alerted about nor requested back.
 */
function ClearButton({ invoice, onClear, w }: { invoice: string; onClear?: (invoice: string) => void; w: Words }) {
  if (!onClear) return null;
  return (
    <button type="button" class="cl-link cl-clear" title={w.t('alert.clearTitle')} aria-label={w.t('alert.clearLabel', { invoice })} onClick={() => onClear(invoice)}>
      {w.t('alert.clear')}
    </button>
  );
}

function CardBody({ card, w, onClear }: { card: AlertCard; w: Words; onClear?: (invoice: string) => void }) {
  if (card.kind === 'single') {
    const f = card.alert.facts;
    const named = 'invoice' in f ? [...card.alert.invoices, f.invoice] : card.alert.invoices;
    return (
      <p class="cl-alert-msg">
        {withInvoices(alertMessage(f, card.alert.invoices, w), named)}
        {f.code === 'recharge-above-threshold' && (
          <>
            {' '}
            <ClearButton invoice={f.invoice} onClear={onClear} w={w} />
          </>
        )}
      </p>
    );
  }
  const head =
    card.kind === 'above'
      ? w.t(card.severity === 'critical' ? 'alert.group.aboveCritical' : 'alert.group.aboveWarning', undefined, card.facts.length)
      : w.t('alert.group.unmatched', undefined, card.facts.length);
  const first = card.kind === 'above' ? card.facts[0]! : null;
  const why =
    first
      ? w.t(first.charge === 'recharge' ? 'alert.group.whyRecharge' : 'alert.group.whyUnknown', {
          threshold: w.t(first.thresholdFrom === 'settings' ? 'alert.above.thresholdFromSettings' : 'alert.above.threshold', { threshold: w.money(first.thresholdCents) }),
        })
      : w.t('alert.group.unmatchedWhy');
  return (
    <div class="cl-alert-msg">
      <p>
        {head} <strong class="cl-alert-total">{w.t('alert.group.total', { total: w.money(card.totalCents) })}</strong>
      </p>
      <ul class="cl-charges">
        {card.kind === 'above'
          ? card.facts.map((f) => (
              <li key={f.invoice}>
                {withInvoices(w.t('alert.group.charge', { invoice: f.invoice, total: w.money(f.totalCents), at: w.wall(f.at), bound: w.money(f.boundCents) }), [f.invoice])}
                {f.partlyRefunded ? ` ${w.t('alert.above.partlyRefunded')}` : ''} <ClearButton invoice={f.invoice} onClear={onClear} w={w} />
              </li>
            ))
          : card.facts.map((f) => <li key={f.invoice}>{withInvoices(w.t('alert.group.payment', { invoice: f.invoice, total: w.money(f.totalCents), at: w.wall(f.at) }), [f.invoice])}</li>)}
      </ul>
      <p>{why}</p>
    </div>
  );
}

function titleOf(card: AlertCard, w: Words): string {
  return alertTitle(card.kind === 'single' ? card.alert.facts.code : card.kind === 'above' ? 'recharge-above-threshold' : 'unmatched-charge', w);
}

/**
 * `report`, when given, lets an empty list say which pages are not read yet (never a green
 * "nothing wrong" then). `onClear`, when given, offers "It was right" beside each charge.
 */
export function AlertList({
  alerts,
  initial = 4,
  report = null,
  linkTarget,
  onClear,
}: {
  alerts: Alert[];
  initial?: number;
  report?: Report | null;
  linkTarget?: string;
  onClear?: (invoice: string) => void;
}) {
  const [all, setAll] = useState(false);
  const w = report ? wordsFor(report) : words();
  if (!alerts.length) {
    const empty = noAlertsText(report, w);
    return <p class={empty.tone === 'ok' ? 'cl-ok' : 'cl-muted'}>{empty.text}</p>;
  }
  const cards = alertCards(alerts);
  const shown = all ? cards : cards.slice(0, initial);
  return (
    <div>
      <ul class="cl-alerts" aria-label={w.t('alert.list')}>
        {shown.map((card, i) => {
          const severity = cardSeverity(card);
          return (
            <li key={i} class={`cl-alert cl-${severity}`} data-kind={card.kind === 'single' ? card.alert.kind : card.kind === 'above' ? 'recharge-above-threshold' : 'unmatched-charge'}>
              <span class="cl-sev">{w.t(`alert.severity.${severity}`)}</span>
              <strong class="cl-alert-title">{titleOf(card, w)}</strong>
              <CardBody card={card} w={w} onClear={onClear} />
              {aboutRecharges(card) && (
                <p class="cl-switch-off">
                  {w.t('alert.switchOff')}{' '}
                  <a href={pageUrl('overview')} target={linkTarget} rel={linkTarget ? 'noreferrer' : undefined}>
                    {w.t('alert.switchOffLink')}
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {cards.length > initial && (
        <button type="button" class="cl-link" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? w.t('alert.showFewer') : w.t('alert.showAll', { count: cards.length })}
        </button>
      )}
    </div>
  );
}
