// The background's steps run in Node here, where there is no extension API: the per-row answer
// words its notes through browser.i18n, so give Node the English messages. Imported first, before
// @wxt-dev/browser picks `globalThis.chrome` up.
import { getMessage } from '../../tests/support/english-messages';

const g = globalThis as { chrome?: unknown };
g.chrome ??= { i18n: { getMessage, getUILanguage: () => 'en-US' } };
