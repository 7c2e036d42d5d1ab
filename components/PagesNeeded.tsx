// Which billing pages are still needed for a full picture, with links to them.
import { PAGE_KINDS, pageUrl, type PageKind } from '../lib/dashboard/routes';
import { PAGE_TITLES } from './page-titles';

const WHY: Record<PageKind, string> = {
  'credit-grants': 'to see what each payment bought',
  'billing-history': 'to see what was paid, and when',
  overview: 'to learn the auto-recharge threshold',
  usage: 'to compare with what the API spent',
};

export function PagesNeeded({ seen, current, target }: { seen: ReadonlySet<PageKind>; current?: PageKind; target?: string }) {
  const missing = PAGE_KINDS.filter((k) => !seen.has(k) && k !== current);
  if (!missing.length) return null;
  return (
    <div class="cl-needed">
      <span>For the full picture, also open: </span>
      {missing.map((k, i) => (
        <span key={k}>
          {i > 0 && ', '}
          <a href={pageUrl(k)} target={target}>
            {PAGE_TITLES[k]}
          </a>{' '}
          <span class="cl-muted">({WHY[k]})</span>
        </span>
      ))}
    </div>
  );
}
