// Which billing pages are still needed for a full picture, with links to them.
import { PAGE_KINDS, pageUrl, type PageKind } from '../lib/dashboard/pages';
import { pagePurpose, pageTitle } from '../lib/exports/wording';
import { words } from './format';

export function PagesNeeded({ seen, current, target }: { seen: ReadonlySet<PageKind>; current?: PageKind; target?: string }) {
  const missing = PAGE_KINDS.filter((k) => !seen.has(k) && k !== current);
  if (!missing.length) return null;
  const w = words();
  return (
    <div class="cl-needed">
      <span>{w.t('panel.alsoOpen')} </span>
      {missing.map((k, i) => (
        <span key={k}>
          {i > 0 && ', '}
          <a href={pageUrl(k)} target={target}>
            {pageTitle(k, w)}
          </a>{' '}
          <span class="cl-muted">({pagePurpose(k, w)})</span>
        </span>
      ))}
    </div>
  );
}
