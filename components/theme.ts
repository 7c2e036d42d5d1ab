// Light or dark: the site's own theme when its markup says, else the system's. Every surface gets
// an explicit data-theme, so one palette (palette.css) serves them all.
export type Theme = 'light' | 'dark';

const DARK = '(prefers-color-scheme: dark)';

export function systemTheme(): Theme {
  return matchMedia(DARK).matches ? 'dark' : 'light';
}

/** Keep `apply` in step with the system setting until `signal` aborts. */
export function followSystemTheme(apply: (theme: Theme) => void, signal?: AbortSignal): void {
  apply(systemTheme());
  matchMedia(DARK).addEventListener('change', () => apply(systemTheme()), { signal });
}
