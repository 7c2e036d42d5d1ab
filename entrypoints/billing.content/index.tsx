import { defineContentScript } from 'wxt/utils/define-content-script';
import { pageKindOfUrl } from '../../lib/dashboard/pages';
import { startVisit } from './visit';
import './style.css';

export default defineContentScript({
  matches: ['https://platform.openai.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    performance.mark('credit-lens:main-start');
    // One visit per billing route; everything a visit sets up hangs off its AbortController.
    let visit: AbortController | null = null;
    let visitedUrl = '';
    const onRoute = (href: string): void => {
      if (href === visitedUrl) return;
      visitedUrl = href;
      visit?.abort();
      visit = null;
      const kind = pageKindOfUrl(href);
      if (!kind) return; // Not a billing page: route detection is all we do here.
      visit = new AbortController();
      void startVisit(ctx, kind, href, visit.signal);
    };
    // WXT's event carries the new URL: with the Navigation API it fires before location changes.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => onRoute(event.newUrl.href));
    ctx.onInvalidated(() => visit?.abort());
    onRoute(location.href);
    performance.mark('credit-lens:route-checked');
  },
});
