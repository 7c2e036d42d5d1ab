// An extension page says which language it is in (screen readers, hyphenation, fonts for CJK):
// the one its words come in.
import { uiLocale } from './format';

export function pageLanguage(): void {
  document.documentElement.lang = uiLocale();
}
