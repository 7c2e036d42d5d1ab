import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeLink } from '../../lib/exports/links';

describe('safeLink', () => {
  it.each(['https://invoice.stripe.com/i/acct_1/inv_2', 'https://pay.stripe.com/invoice/x', 'https://platform.openai.com/settings/organization/billing/history'])('links %s', (url) => {
    expect(safeLink(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://invoice.stripe.com/i/x',
    'https://invoice.stripe.com.evil.example/i/x',
    'https://evil.example/?u=https://invoice.stripe.com',
    'https://user:pass@invoice.stripe.com/i/x',
    'https://invoice.stripe.com:8443/i/x',
    '//invoice.stripe.com/i/x',
    'not a url',
    '',
    null,
    `https://invoice.stripe.com/${'a'.repeat(3000)}`,
  ])('shows %j as text', (url) => {
    expect(safeLink(url)).toBeNull();
  });

  it('answers as URL parsing does, whichever way it takes', () => {
    // The reference: every link through URL (safeLink skips it for plain invoice links).
    const byUrl = (raw: string): string | null => {
      if (!raw || raw.length > 2048) return null;
      try {
        const url = new URL(raw);
        return url.protocol !== 'https:' || url.username || url.password || url.port || !['invoice.stripe.com', 'pay.stripe.com', 'platform.openai.com'].includes(url.hostname) ? null : url.href;
      } catch {
        return null;
      }
    };
    const start = fc.constantFrom('https://invoice.stripe.com', 'https://pay.stripe.com', 'https://platform.openai.com', 'https://Invoice.Stripe.com', 'http://invoice.stripe.com', 'https://invoice.stripe.com:443', 'https://evil.example');
    const piece = fc.constantFrom('/', '/', 'i', 'acct_1', 'A1B2-10', '.', '..', '%2e', '%41', '~', '_', '-', '?x=1', '#a', ' ', '\\', 'é', '//');
    fc.assert(
      fc.property(start, fc.array(piece, { maxLength: 8 }), (s, ps) => {
        const raw = s + ps.join('');
        expect(safeLink(raw)).toBe(byUrl(raw));
      }),
      { numRuns: 3000 },
    );
  });
});
