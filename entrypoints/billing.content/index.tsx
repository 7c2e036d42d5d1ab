import { defineContentScript } from 'wxt/utils/define-content-script';
import { observeRoutes } from './observe';
import { startVisit } from './visit';
import './style.css';

export default defineContentScript({
  matches: ['https://platform.openai.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    performance.mark('credit-lens:main-start');
    // One visit per billing route; everything a visit sets up hangs off its signal.
    observeRoutes(ctx, (kind, url, signal) => void startVisit(ctx, kind, url, signal));
    performance.mark('credit-lens:route-checked');
  },
});
