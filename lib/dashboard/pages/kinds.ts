// The billing pages Credit Lens reads, by name. Each has a descriptor in this folder.
export const PAGE_KINDS = ['credit-grants', 'billing-history', 'usage', 'overview'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
