// The site's own light/dark theme, when its markup says so; otherwise the system's.
import { systemTheme, type Theme } from '../../components/theme';

/** The theme the site's markup declares, or null when it declares none. */
export function siteTheme(): Theme | null {
  const root = document.documentElement;
  const hints = [root.dataset.theme, root.dataset.colorMode, root.getAttribute('data-mode'), document.body?.dataset.theme]
    .concat([...root.classList, ...(document.body?.classList ?? [])])
    .map((v) => (v ?? '').toLowerCase());
  if (hints.some((v) => v === 'dark' || v === 'theme-dark' || v === 'dark-mode')) return 'dark';
  if (hints.some((v) => v === 'light' || v === 'theme-light' || v === 'light-mode')) return 'light';
  const scheme = getComputedStyle(root).colorScheme;
  if (scheme === 'dark' || scheme === 'light') return scheme;
  return null;
}

export function pageTheme(): Theme {
  return siteTheme() ?? systemTheme();
}
