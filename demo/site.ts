// The demo dashboard as a site: the response for any https://platform.openai.com/... URL.
// Used by `npm run demo`, the e2e tests (Playwright request routing) and the benchmarks.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageKindOfUrl, currentPath, type PageKind } from '../lib/dashboard/pages';
import { escapeHtml, pageContent, pageTitle, type RenderOptions } from './pages';
import type { DemoAccount } from './scenario';

// A path string, not new URL(): test DOMs replace the global URL class.
const APP_JS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'app.js'), 'utf8');

const STYLE = `
:root { color-scheme: light dark; --bg:#fff; --fg:#0d0d0d; --muted:#6e6e80; --line:#ececf1; --side:#f7f7f8; --accent:#10a37f; --red:#d93025; }
@media (prefers-color-scheme: dark) { :root { --bg:#202123; --fg:#ececf1; --muted:#acacbe; --line:#3e3f4b; --side:#171717; --accent:#19c37d; --red:#ff6b6b; } }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--fg); }
.top { display:flex; align-items:center; gap:12px; height:52px; padding:0 20px; border-bottom:1px solid var(--line); }
.brand { font-weight:700; }
.org { font:inherit; color:inherit; background:var(--side); border:1px solid var(--line); border-radius:8px; padding:4px 10px; }
.layout { display:flex; min-height:calc(100vh - 52px); }
.side { width:220px; padding:16px 12px; background:var(--side); border-right:1px solid var(--line); }
.side a { display:block; padding:6px 10px; border-radius:6px; color:inherit; text-decoration:none; }
.side a[aria-current] { background:var(--line); font-weight:600; }
.side .group { color:var(--muted); font-size:12px; text-transform:uppercase; margin:14px 10px 4px; }
main { flex:1; padding:24px 32px; max-width:1100px; }
h1 { font-size:24px; margin:0 0 12px; }
.tabs { display:flex; gap:18px; border-bottom:1px solid var(--line); margin-bottom:16px; }
.tabs a { padding:8px 0; color:var(--muted); text-decoration:none; }
.tabs a[aria-current] { color:var(--fg); border-bottom:2px solid var(--fg); }
.sub, .range { color:var(--muted); }
table.data { width:100%; border-collapse:collapse; }
table.data th { text-align:left; text-transform:uppercase; font-size:12px; color:var(--muted); font-weight:600; }
table.data th, table.data td { padding:10px 8px; border-bottom:1px solid var(--line); }
.grid .r { display:grid; grid-template-columns:repeat(var(--cols), 1fr); border-bottom:1px solid var(--line); }
.grid .r.head { text-transform:uppercase; font-size:12px; color:var(--muted); font-weight:600; }
.grid .c { padding:10px 8px; }
.pill { border-radius:10px; padding:1px 8px; font-size:12px; }
.pill-green { background:rgba(16,163,127,.15); color:var(--accent); }
.pill-red { background:rgba(217,48,37,.15); color:var(--red); }
.pill-grey { background:var(--line); }
a { color:var(--accent); }
.cards { display:flex; gap:16px; flex-wrap:wrap; }
.card { border:1px solid var(--line); border-radius:8px; padding:16px; min-width:260px; max-width:420px; }
.label { color:var(--muted); }
.value { font-size:28px; font-weight:600; }
.value.small { font-size:16px; }
.btn { font:inherit; color:inherit; background:transparent; border:1px solid var(--line); border-radius:6px; padding:6px 12px; margin-top:8px; cursor:pointer; }
.btn.primary { background:var(--accent); color:#fff; border-color:var(--accent); }
`;

function shell(kind: PageKind | 'playground', account: DemoAccount, options: RenderOptions): string {
  const live = (options.mode ?? 'live') === 'live';
  const content = pageContent(kind, account, options);
  const nav = [
    ['Playground', '/playground', '/playground'],
    ['Usage', currentPath('usage'), '/usage'],
    ['Billing', currentPath('overview'), '/settings/organization/billing'],
  ]
    .map(([label, href, section]) => `<a data-spa href="${href}" data-section="${section}">${label}</a>`)
    .join('');
  const savedFrom = live ? '' : `<!-- saved from url=(0000)https://platform.openai.com${kind === 'playground' ? '/playground' : currentPath(kind)} -->\n`;
  return `<!DOCTYPE html>
${savedFrom}<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(pageTitle(kind))}</title>
<style>${STYLE}</style></head>
<body><header class="top"><span class="brand">OpenAI Platform</span>
<button class="org" type="button" aria-haspopup="menu" aria-label="Organization: ${escapeHtml(account.organization)}">${escapeHtml(account.organization)}</button>
<span class="sub">Default project</span></header>
<div class="layout"><nav class="side" aria-label="Main"><div class="group">Dashboard</div>${nav}</nav>
<main><div id="page-content">${live ? '' : content}</div></main></div>
${live ? `<template id="page">${content}</template><script src="/_demo/app.js"></script>` : ''}
</body></html>`;
}

export interface DemoResponse {
  status: number;
  contentType: string;
  body: string;
}

/** The demo site's answer for a URL on platform.openai.com. */
export function demoResponse(url: string, account: DemoAccount, options: RenderOptions = {}): DemoResponse {
  const { pathname } = new URL(url);
  if (pathname === '/_demo/app.js') return { status: 200, contentType: 'text/javascript', body: APP_JS };
  if (pathname === '/favicon.ico') return { status: 404, contentType: 'text/plain', body: '' };
  const kind = pageKindOfUrl(url) ?? (pathname === '/' || pathname === '/playground' ? 'playground' : null);
  if (!kind) return { status: 404, contentType: 'text/html', body: '<!DOCTYPE html><title>Not found</title><h1>Not found</h1>' };
  return { status: 200, contentType: 'text/html; charset=utf-8', body: shell(kind, account, options) };
}

/** A page as "Save page as…" would keep it: content in place, no scripts. */
export function savedPage(kind: PageKind, account: DemoAccount, options: RenderOptions = {}): string {
  return shell(kind, account, { ...options, mode: 'saved' });
}
