// The locales to try when nothing says which one saved pages are in (the CLI without --locale):
// the common ones first, then more. The extension always knows the browser's languages, so this
// list stays out of its content script; the CLI and the tests give it to the reader.
/** The locales of the issue: candidates when nothing says which locale a page was saved in. */
export const DATE_LOCALES = [
  'en-US', 'en-GB', 'en-IN', 'de-DE', 'fr-FR', 'es-ES', 'es-MX', 'it-IT', 'nl-NL', 'pl-PL', 'pt-BR',
  'pt-PT', 'tr-TR', 'ru-RU', 'uk-UA', 'cs-CZ', 'sv-SE', 'da-DK', 'fi-FI', 'nb-NO', 'ro-RO', 'hu-HU',
  'el-GR', 'vi-VN', 'id-ID', 'th-TH', 'ja-JP', 'ko-KR', 'zh-CN', 'zh-TW', 'hi-IN',
] as const;

/**
 * More locales, tried only when none of DATE_LOCALES reads every date of a page (building a
 * locale's reader costs a few milliseconds, so the common ones go first).
 */
export const MORE_DATE_LOCALES = [
  'he-IL', 'ar-EG', 'ar-SA', 'fa-IR', 'bn-BD', 'hr-HR', 'bg-BG', 'sr-RS', 'ca-ES', 'lv-LV', 'lt-LT',
  'et-EE', 'sk-SK', 'sl-SI', 'ur-PK', 'kk-KZ', 'ta-IN', 'te-IN', 'mr-IN', 'gu-IN', 'kn-IN', 'ml-IN',
  'my-MM', 'ka-GE', 'hy-AM', 'ms-MY', 'fil-PH', 'sw-KE', 'af-ZA', 'is-IS', 'ga-IE', 'eu-ES', 'gl-ES',
  'az-AZ', 'uz-UZ', 'mn-MN', 'km-KH', 'ne-NP', 'si-LK', 'am-ET', 'zh-HK', 'es-AR', 'es-CO', 'es-US',
  'fr-CA', 'fr-CH', 'de-AT', 'de-CH', 'en-AU', 'en-CA', 'sq-AL', 'mk-MK', 'bs-BA', 'be-BY',
] as const;

export const CANDIDATE_LOCALES = { common: DATE_LOCALES, more: MORE_DATE_LOCALES } as const;
