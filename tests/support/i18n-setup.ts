// Unit tests run in happy-dom with WXT's fake browser, which has no browser.i18n: serve it the
// extension's English messages (locales/en.json, compiled the way the build compiles it), with
// Chrome's substitution rules, so every surface says in tests what it says in an English browser.
import { generateChromeMessages, parseMessagesObject } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../locales/en.json';

const messages = generateChromeMessages(parseMessagesObject(en)) as Record<string, { message: string }>;

/** browser.i18n.getMessage: $1…$9 from the substitutions, $$ as $, '' for an unknown key. */
export function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  const message = messages[name]?.message;
  if (message === undefined) return '';
  return message.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
}

Object.assign(fakeBrowser.i18n, {
  getMessage,
  getUILanguage: () => 'en-US',
  getAcceptLanguages: async () => ['en-US', 'en'],
});
