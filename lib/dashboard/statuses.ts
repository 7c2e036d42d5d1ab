// The site's state and status words, mapped to the report's vocabulary. Unknown → 'other'.
import type { GrantState, InvoiceStatus } from './snapshot';
import { words } from './text';

const GRANT_STATE_WORDS: [GrantState, RegExp][] = [
  ['available', /^(available|active|valid|unused|partially used)$/],
  ['expired', /^expired?$/],
  ['used', /^(used|fully used|used up|depleted|exhausted|consumed)$/],
  ['pending', /^(pending|processing|scheduled|upcoming)$/],
];

const INVOICE_STATUS_WORDS: [InvoiceStatus, RegExp][] = [
  ['paid', /^paid$/],
  ['open', /^(open|due|unpaid|pending|issued|outstanding)$/],
  ['void', /^(void|voided|cancell?ed)$/],
  ['partially-refunded', /^partially refunded$/],
  ['refunded', /^(refunded|credited)$/],
  ['failed', /^(failed|uncollectible|payment failed|past due|declined)$/],
];

function lookup<T extends string>(table: [T, RegExp][], raw: string, fallback: T): T {
  const w = words(raw);
  return table.find(([, re]) => re.test(w))?.[0] ?? fallback;
}

export const grantStateOf = (raw: string): GrantState => lookup(GRANT_STATE_WORDS, raw, 'other');
export const invoiceStatusOf = (raw: string): InvoiceStatus => lookup(INVOICE_STATUS_WORDS, raw, 'other');
