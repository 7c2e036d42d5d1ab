// The extension's English messages (locales/en.json, compiled the way the build compiles it),
// answered with Chrome's substitution rules: what browser.i18n says in an English browser. For
// unit tests (WXT's fake browser has no i18n) and for the benchmark's steps run in Node.
import { generateChromeMessages, parseMessagesObject } from '@wxt-dev/i18n/build';
import en from '../../locales/en.json';

const messages = generateChromeMessages(parseMessagesObject(en)) as Record<string, { message: string }>;

/** browser.i18n.getMessage: $1…$9 from the substitutions, $$ as $, '' for an unknown key. */
export function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  const message = messages[name]?.message;
  if (message === undefined) return '';
  return message.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
}
