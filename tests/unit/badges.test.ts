// Row badges as the content script draws them: plain DOM in one small shadow root per row, text
// only, and a row whose note did not change is left alone (issue 13, part 2).
import { afterEach, describe, expect, it } from 'vitest';
import { RowBadges } from '../../entrypoints/billing.content/badges';
import type { RowNote } from '../../lib/row-notes';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const note = (line: string, over: Partial<RowNote> = {}): RowNote => ({ tone: 'ok', lines: [line], ...over });
const cells = (n: number) =>
  Array.from({ length: n }, () => {
    const td = document.createElement('td');
    document.body.append(td);
    return td;
  });
const badgeOf = (cell: Element) => cell.querySelector('credit-lens-badge')?.shadowRoot?.querySelector('.badge') ?? null;

afterEach(() => document.body.replaceChildren());

describe('RowBadges', () => {
  it('draws each note as text, in a shadow root of its own row, with the link and the alert', () => {
    const [a, b] = cells(2);
    const badges = new RowBadges('light');
    badges.draw(a!, note(HOSTILE, { tone: 'bad', alert: 'Charged while at least $6.20 was unused', link: { href: 'https://invoice.stripe.com/i/x', text: 'Open invoice', label: 'Open invoice X' } }));
    badges.draw(b!, note('→ $10.00 grant'));
    const first = badgeOf(a!)!;
    expect(first.className).toBe('badge badge-bad');
    expect(first.querySelector('.badge-line')!.textContent).toBe(HOSTILE);
    expect(first.querySelector('img')).toBeNull();
    expect(first.querySelector('.badge-alert')!.textContent).toBe('Charged while at least $6.20 was unused');
    expect(first.querySelector('a')!.getAttribute('aria-label')).toBe('Open invoice X');
    expect(first.getAttribute('aria-label')).toBe(`Credit Lens: ${HOSTILE}. Charged while at least $6.20 was unused`);
    expect(a!.querySelector('credit-lens-badge')!.getAttribute('data-theme')).toBe('light');
    expect(badgeOf(b!)!.textContent).toContain('→ $10.00 grant');
  });

  it('leaves a row alone when its note did not change, redraws it when it did, and takes it away for none', () => {
    const [a] = cells(1);
    const badges = new RowBadges('light');
    badges.draw(a!, note('Credit grants not read yet', { tone: 'muted' }));
    const drawn = badgeOf(a!);
    badges.draw(a!, note('Credit grants not read yet', { tone: 'muted' }));
    expect(badgeOf(a!)).toBe(drawn);
    badges.draw(a!, note('→ $10.00 grant'));
    expect(badgeOf(a!)).not.toBe(drawn);
    expect(a!.querySelectorAll('credit-lens-badge')).toHaveLength(1);
    badges.draw(a!, null);
    expect(a!.querySelector('credit-lens-badge')).toBeNull();
  });

  it('follows the theme, and takes every badge away at the end of a visit', () => {
    const [a, b] = cells(2);
    const badges = new RowBadges('light');
    badges.draw(a!, note('x'));
    badges.draw(b!, note('y'));
    badges.setTheme('dark');
    expect([...document.querySelectorAll('credit-lens-badge')].map((e) => e.getAttribute('data-theme'))).toEqual(['dark', 'dark']);
    badges.clear();
    expect(document.querySelectorAll('credit-lens-badge')).toHaveLength(0);
  });
});
