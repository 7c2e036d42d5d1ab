// Which billing pages are still needed for a full picture, with links to them.
import { PAGE_KINDS, PAGE_TITLES, PAGE_WHY, pageUrl, type PageKind } from '../lib/dashboard/pages';

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
          <span class="cl-muted">({PAGE_WHY[k]})</span>
        </span>
      ))}
    </div>
  );
}
