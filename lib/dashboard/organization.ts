// The organization a page belongs to, from every clue it gives, read in the same moment as its
// rows (reference/billing-pages.md: "one organization at a time, an organization switcher in the
// top bar picks it"; the switcher's markup is not confirmed):
// - a switcher labelled for what it is (aria-label/title "Organization: Acme", or "Switch
//   organization" / a data-testid naming an org switcher, whose visible text is the name);
// - failing that, the switcher as a person sees it: the first menu button of the top bar, read
//   by its visible text alone (assumed: the org switcher comes first, before the project's);
// - an organization id ("org-…") in the URL or on the switcher.
// Clues that disagree (two switchers naming two organizations, the URL's id and the switcher's)
// mean the page is changing organization: the read says so and is not used (organizationConflict).
// The invoice-number prefix, the third clue, is read from the rows by the ledger.
import { cleanText, visibleText } from './text';

export interface OrganizationRead {
  name: string | null;
  id: string | null;
  /** Why the clues disagree, or null. */
  conflict: string | null;
  /** The elements the names were read from (the content script watches them for a switch). */
  elements: Element[];
}

const LABELLED = /^(?:current |selected )?organi[sz]ation\s*[:\-–]\s*(.+)$/i;
const SWITCHER_LABEL = /^(?:switch |select |change )?organi[sz]ation(?: switcher| picker| selector| menu)?$/i;
const SWITCHER_TESTID = /org(?:anization)?[-_]?(?:switcher|picker|selector|name)/i;
/** Top-bar menus that are not the organization's (assumed words). */
const OTHER_MENUS = /\b(project|user|account|profile|help|settings|notifications?|menu|search|theme|language|docs)\b/i;
const ORG_ID = /\b(org-[A-Za-z0-9]{8,40})\b/;

/** The switcher's text without decoration (chevrons, a lone avatar initial before the name). */
function nameText(el: Element): string {
  const text = visibleText(el, 140)
    .replace(/[▾▼▿⌄˅⌃▲›»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleanText(text.replace(/^([A-Za-z0-9]) (?=\1)/i, ''), 100);
}

function idOn(el: Element): string | null {
  for (const name of ['data-org-id', 'data-organization-id', 'data-org', 'data-value', 'value']) {
    const m = ORG_ID.exec(el.getAttribute(name) ?? '');
    if (m) return m[1]!;
  }
  return null;
}

export function readOrganizationClues(root: Document | Element, url = ''): OrganizationRead {
  const names: { name: string; id: string | null; el: Element }[] = [];
  for (const el of Array.from(root.querySelectorAll('[aria-label], [title], [data-testid]'))) {
    const label = cleanText(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '', 200);
    const labelled = LABELLED.exec(label);
    if (labelled) {
      names.push({ name: cleanText(labelled[1], 100), id: idOn(el), el });
      continue;
    }
    if (SWITCHER_LABEL.test(label) || SWITCHER_TESTID.test(el.getAttribute('data-testid') ?? '')) {
      const text = nameText(el);
      if (text) names.push({ name: text, id: idOn(el), el });
    }
  }
  if (names.length === 0) {
    // No switcher says what it is: the first menu button of the top bar, as a person reads it.
    const bar = root.querySelector('header, [role="banner"]');
    const menus = bar ? Array.from(bar.querySelectorAll('button[aria-haspopup], [role="combobox"], button[aria-expanded]')) : [];
    const first = menus.find((el) => !OTHER_MENUS.test(`${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`));
    const text = first ? nameText(first) : '';
    if (first && text) names.push({ name: text, id: idOn(first), el: first });
  }
  const distinct = [...new Set(names.map((n) => n.name))];
  const ids = [...new Set([ORG_ID.exec(url)?.[1] ?? null, ...names.map((n) => n.id)].filter((x): x is string => x !== null))];
  let conflict: string | null = null;
  if (distinct.length > 1) conflict = `the page names two organizations ("${distinct[0]}" and "${distinct[1]}")`;
  else if (ids.length > 1) conflict = `the page shows two organization ids (${ids[0]} and ${ids[1]})`;
  return { name: conflict ? null : (distinct[0] ?? null), id: conflict ? null : (ids[0] ?? null), conflict, elements: names.map((n) => n.el) };
}

/** The organization's name as the switcher shows it; null when not shown or when the clues disagree. */
export function readOrganization(root: Document | Element): string | null {
  return readOrganizationClues(root).name;
}
