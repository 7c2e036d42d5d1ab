// The one sentence a person reads first: what is wrong, or what is still needed to know.
import type { PageKind } from '../lib/dashboard/pages';
import type { Report } from '../lib/report-schema';
import { money, plural } from './format';

export function headline(report: Report, seen: ReadonlySet<PageKind | string>): { text: string; bad: boolean } {
  const above = report.alerts.filter((a) => a.kind === 'recharge-above-threshold');
  if (above.length) {
    const charged = new Set(above.map((a) => a.invoices[0]));
    const total = report.invoices.filter((i) => charged.has(i.number)).reduce((s, i) => s + i.totalCents, 0);
    return { text: `Auto-recharge charged you ${plural(above.length, 'time')} (${money(total)}) while your balance was above its threshold.`, bad: true };
  }
  const rapid = report.alerts.find((a) => a.kind === 'rapid-recharge');
  if (rapid) {
    const more = seen.has('credit-grants') && seen.has('overview') ? '' : ' Open the pages below to check them against your balance.';
    return { text: `Your card was charged ${plural(rapid.invoices.length, 'time')} in quick succession: auto-recharge may be misfiring.${more}`, bad: true };
  }
  const critical = report.alerts.filter((a) => a.severity === 'critical');
  if (critical.length) return { text: `${plural(critical.length, 'critical alert')}.`, bad: true };
  if (!seen.has('billing-history')) return { text: 'Open the billing history to see which payment bought each grant.', bad: false };
  if (!seen.has('credit-grants')) return { text: 'Open the credit grants page to see what each payment bought.', bad: false };
  if (report.alerts.length) return { text: `${plural(report.alerts.length, 'thing')} to look at; nothing critical.`, bad: false };
  return { text: 'Nothing looks wrong: every payment matches the credit it bought.', bad: false };
}

export function Headline({ report, seen }: { report: Report; seen: ReadonlySet<PageKind | string> }) {
  const h = headline(report, seen);
  return <p class={h.bad ? 'cl-headline cl-headline-bad' : 'cl-headline'}>{h.text}</p>;
}
