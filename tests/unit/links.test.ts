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
});
