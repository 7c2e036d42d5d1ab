// Which line of the reference (docs/billing-pages.md) each accepted word rests on. Words carry
// only the key: the quoted lines are in evidence-quotes.ts, which the vocabulary test reads and
// the extension does not ship.
export const REF = {
  grantHeaders: 'grantHeaders',
  grantJson: 'grantJson',
  grantStates: 'grantStates',
  grantsEmpty: 'grantsEmpty',
  invoiceHeaders: 'invoiceHeaders',
  invoiceJson: 'invoiceJson',
  invoicePaid: 'invoicePaid',
  invoiceStripe: 'invoiceStripe',
  invoicesEmpty: 'invoicesEmpty',
  historySubtitle: 'historySubtitle',
  viewLink: 'viewLink',
  overviewLabels: 'overviewLabels',
  autoReload: 'autoReload',
  rechargeSentence: 'rechargeSentence',
  rechargeDialog: 'rechargeDialog',
  usageTotal: 'usageTotal',
} as const;

export type EvidenceKey = keyof typeof REF;
