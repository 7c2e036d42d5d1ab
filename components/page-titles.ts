import type { PageKind } from '../lib/dashboard/routes';

export const PAGE_TITLES: Record<PageKind, string> = {
  'credit-grants': 'Credit grants',
  'billing-history': 'Billing history',
  usage: 'Usage',
  overview: 'Billing overview',
};
