// The toolbar badge: how many charges need attention across every organization (the one count
// lib/exports/flagged.ts gives pill, headline and popup too), in red. A second, healthy
// organization never hides the first one's.
import { browser } from 'wxt/browser';
import { count } from '../../lib/exports/wording';
import { words } from '../../components/format';

export interface OrgCount {
  flagged: number;
}

export async function showToolbarCount(organizations: readonly OrgCount[]): Promise<void> {
  const flagged = organizations.reduce((n, o) => n + o.flagged, 0);
  const orgs = organizations.filter((o) => o.flagged > 0).length;
  const w = words();
  await browser.action.setBadgeText({ text: flagged ? String(Math.min(flagged, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#c62828' });
  const title = !flagged
    ? w.t('toolbar.title')
    : orgs > 1
      ? w.t('toolbar.titleFlaggedOrgs', { flagged: count('count.flagged', flagged, w), orgs })
      : w.t('toolbar.titleFlagged', { flagged: count('count.flagged', flagged, w) });
  await browser.action.setTitle({ title });
}
