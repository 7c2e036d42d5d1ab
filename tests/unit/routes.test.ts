import { describe, expect, it } from 'vitest';
import { pageKindOfUrl, pageUrl, PAGE_KINDS } from '../../lib/dashboard/pages';

describe('pageKindOfUrl', () => {
  it.each([
    ['https://platform.openai.com/settings/organization/billing/overview', 'overview'],
    ['https://platform.openai.com/account/billing/overview', 'overview'],
    ['https://platform.openai.com/account/billing', 'overview'],
    ['https://platform.openai.com/settings/organization/billing/history', 'billing-history'],
    ['https://platform.openai.com/account/billing/history?page=2', 'billing-history'],
    ['https://platform.openai.com/settings/organization/billing/credit-grants/', 'credit-grants'],
    ['https://platform.openai.com/usage', 'usage'],
    ['https://platform.openai.com/settings/organization/usage', 'usage'],
    ['https://platform.openai.com/usage/legacy', 'usage'],
    ['https://platform.openai.com/account/usage', 'usage'],
  ])('%s is %s', (url, kind) => {
    expect(pageKindOfUrl(url)).toBe(kind);
  });

  it.each([
    'https://platform.openai.com/playground',
    'https://platform.openai.com/login',
    'https://platform.openai.com/settings/organization/billing/payment-methods',
    'https://auth.openai.com/settings/organization/billing/history',
    'http://platform.openai.com/usage',
    'not a url',
  ])('%s is not a billing page', (url) => {
    expect(pageKindOfUrl(url)).toBeNull();
  });

  it('round-trips every current path', () => {
    for (const kind of PAGE_KINDS) expect(pageKindOfUrl(pageUrl(kind))).toBe(kind);
  });
});
