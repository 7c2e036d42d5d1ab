// Unit tests run in happy-dom with WXT's fake browser, which has no browser.i18n: serve it the
// extension's English messages, so every surface says in tests what it says in an English browser.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from './english-messages';

Object.assign(fakeBrowser.i18n, {
  getMessage,
  getUILanguage: () => 'en-US',
  getAcceptLanguages: async () => ['en-US', 'en'],
});
