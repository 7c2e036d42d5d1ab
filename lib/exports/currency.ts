// The account's currency: the one its grants were bought in (the invoices that bought grants),
// else the invoices' most common one, else USD (the site's own).
import type { Report } from '../report-schema';

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

export function accountCurrency(r: Report): string {
  return mostCommon(r.invoices.filter((i) => i.grantIds.length).map((i) => i.currency)) ?? mostCommon(r.invoices.map((i) => i.currency)) ?? 'USD';
}
