// The content script reads a small sample table while the site loads (issue 13): it must read
// like the site's own, in the browser's language, so the real first read runs compiled code.
import { describe, expect, it } from 'vitest';
import { browserLocales } from '../../lib/dashboard/dates';
import { warmUpReader } from '../../lib/dashboard/warm-up';

describe('the warm-up table', () => {
  it.each(['en-US', 'en-GB', 'de-DE', 'fr-FR', 'vi-VN', 'ja-JP', 'pt-BR'])('reads, row by row, in a %s browser', (locale) => {
    const options = { locales: browserLocales([locale]), strategy: 'first' as const };
    for (const kind of ['credit-grants', 'billing-history'] as const) {
      const read = warmUpReader(document, kind, options)!;
      expect(read.snapshot.understood).toBe(true);
      expect(read.snapshot.warnings).toEqual([]);
      expect(read.snapshot.grants.length + read.snapshot.invoices.length).toBe(2);
      expect(read.snapshot.locale).toBe(locale);
    }
  });

  it('leaves the page alone, and has nothing to read on the other pages', () => {
    const before = document.body.innerHTML;
    warmUpReader(document, 'credit-grants', {});
    expect(document.body.innerHTML).toBe(before);
    expect(warmUpReader(document, 'overview', {})).toBeNull();
  });
});
