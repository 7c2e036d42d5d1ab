// The site's own light/dark theme, when its markup says so; null lets prefers-color-scheme decide.
export function pageTheme(): 'dark' | 'light' | null {
  const root = document.documentElement;
  const hints = [root.dataset.theme, root.dataset.colorMode, root.getAttribute('data-mode'), document.body?.dataset.theme]
    .concat([...root.classList, ...(document.body?.classList ?? [])])
    .map((v) => (v ?? '').toLowerCase());
  if (hints.some((v) => v === 'dark' || v === 'theme-dark' || v === 'dark-mode')) return 'dark';
  if (hints.some((v) => v === 'light' || v === 'theme-light' || v === 'light-mode')) return 'light';
  const scheme = getComputedStyle(root).colorScheme;
  if (scheme === 'dark') return 'dark';
  if (scheme === 'light') return 'light';
  return null;
}
