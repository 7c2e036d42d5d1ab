// Find tables by what their headers say, in any of the markups the site may use:
// <table>, ARIA tables/grids (role=table|grid, row, columnheader, cell) and plain div grids
// whose header row and data rows share a column layout. Generated class names are never used.
import { accessibleLabels, visibilityUpTo, visibleText, words } from './text';

export interface Grid {
  markup: 'table' | 'aria' | 'div';
  headers: string[];
  /** Data rows in page order; each row's cells in column order. */
  rows: { element: Element; cells: Element[] }[];
  element: Element;
}

/** Column name → header synonyms (lower-case words). A header matches a synonym exactly or starts with it. */
export type ColumnSpec = Record<string, readonly string[]>;

/** A header as shown; an icon-only header by its label. */
function headerText(el: Element): string {
  return visibleText(el) || (accessibleLabels(el)[0] ?? '');
}

function childElements(el: Element): Element[] {
  return Array.from(el.children);
}

function descendants(root: Element | Document, selector: string): Element[] {
  const found = root.querySelectorAll(selector);
  // The CLI's light DOM answers with an array of its own already: no copy, row after row.
  return Array.isArray(found) ? (found as Element[]) : Array.from(found);
}

/** The closest ancestor (or self) that is a table of any markup: for nesting checks. */
function ownerTable(el: Element): Element | null {
  let cur: Element | null = el.parentElement;
  while (cur) {
    if (cur.tagName === 'TABLE' || ['table', 'grid', 'treegrid'].includes(cur.getAttribute('role') ?? '')) return cur;
    cur = cur.parentElement;
  }
  return null;
}

/** A grid whose data rows are worked out only when asked for: most tables of a page are not the one read. */
function grid(markup: Grid['markup'], element: Element, headers: string[], rows: () => Grid['rows']): Grid {
  let cached: Grid['rows'] | null = null;
  return {
    markup,
    element,
    headers,
    get rows() {
      return (cached ??= rows());
    },
  };
}

function htmlTables(root: Document | Element): Grid[] {
  return descendants(root, 'table').map((table) => {
    const rows = descendants(table, 'tr').filter((tr) => ownerTable(tr) === table);
    const headerRow = rows.find((tr) => tr.parentElement?.tagName === 'THEAD') ?? rows.find((tr) => childElements(tr).every((c) => c.tagName === 'TH'));
    const headers = headerRow ? childElements(headerRow).map(headerText) : [];
    return grid('table', table, headers, () =>
      rows
        .filter((tr) => tr !== headerRow && tr.parentElement?.tagName !== 'THEAD')
        .map((tr) => ({ element: tr, cells: childElements(tr).filter((c) => c.tagName === 'TD' || c.tagName === 'TH') })),
    );
  });
}

const CELL_ROLES = ['cell', 'gridcell', 'rowheader', 'columnheader'];

function ariaTables(root: Document | Element): Grid[] {
  return descendants(root, '[role="table"], [role="grid"], [role="treegrid"]').map((table) => {
    const rows = descendants(table, '[role="row"]').filter((row) => ownerTable(row) === table);
    const cellsOf = (row: Element) => descendants(row, '[role]').filter((c) => CELL_ROLES.includes(c.getAttribute('role')!) && c.closest('[role="row"]') === row);
    const headerRow = rows.find((row) => cellsOf(row).some((c) => c.getAttribute('role') === 'columnheader'));
    return grid('aria', table, headerRow ? cellsOf(headerRow).map(headerText) : [], () =>
      rows.filter((row) => row !== headerRow).map((row) => ({ element: row, cells: cellsOf(row) })),
    );
  });
}

export function headerMatches(header: string, synonyms: readonly string[]): boolean {
  const h = words(header);
  return synonyms.some((s) => h === s || h.startsWith(`${s} `));
}

/**
 * Div grids: a row whose children read like our headers; data rows are its following siblings
 * with as many children, or the children of the next sibling (a rows wrapper) that do.
 */
function divGrids(root: Document | Element, allSynonyms: readonly string[]): Grid[] {
  const grids: Grid[] = [];
  for (const el of descendants(root, 'div, section, ul, ol, li, span')) {
    const kids = childElements(el);
    if (kids.length < 2 || kids.length > 24 || ownerTable(el)) continue;
    let hits = 0;
    for (const k of kids) {
      if (k.children.length > 3) break;
      if (headerMatches(k.textContent ?? '', allSynonyms)) hits++;
    }
    if (hits < 2) continue;
    grids.push(grid('div', el.parentElement ?? el, kids.map(headerText), () => dataRowsAfter(el, kids.length).map((r) => ({ element: r, cells: childElements(r) }))));
  }
  return grids;
}

/**
 * Rows of a div grid after its header row: same-shape siblings, or the same-shape children of a
 * single following wrapper; when the header sits alone in its own group, look past that group.
 */
function dataRowsAfter(header: Element, width: number): Element[] {
  const sameShape = (r: Element) => r.children.length === width;
  const inWrapper = (wrapper: Element | undefined) => (wrapper ? childElements(wrapper).filter(sameShape) : []);
  let after = siblingsAfter(header);
  if (after.length === 0 && header.parentElement) after = siblingsAfter(header.parentElement);
  if (after.length === 1) {
    const wrapped = inWrapper(after[0]);
    if (wrapped.length > 0) return wrapped;
  }
  return after.filter(sameShape);
}

function siblingsAfter(el: Element): Element[] {
  const out: Element[] = [];
  for (let s = el.nextElementSibling; s; s = s.nextElementSibling) out.push(s);
  return out;
}

export type FindResult =
  | { ok: true; grid: Grid; columns: Record<string, number> }
  | { ok: false; reason: string };

/**
 * Map each wanted column to the first header that matches it; each header is used once. Exact
 * matches go first, so "Invoice date" is not taken for the invoice number when "Invoice" is there.
 */
export function mapColumns(headers: string[], spec: ColumnSpec): Record<string, number> {
  const used = new Set<number>();
  const columns: Record<string, number> = {};
  const hw = headers.map(words);
  for (const exact of [true, false]) {
    for (const [name, synonyms] of Object.entries(spec)) {
      if (name in columns) continue;
      const index = hw.findIndex((h, i) => !used.has(i) && synonyms.some((s) => h === s || (!exact && h.startsWith(`${s} `))));
      if (index >= 0) {
        used.add(index);
        columns[name] = index;
      }
    }
  }
  return columns;
}

/**
 * The table whose headers cover the required columns (a list of alternatives: any one suffices).
 * When none does, the reason names what was missing and which headers were seen.
 */
export function findTable(root: Document | Element, spec: ColumnSpec, required: readonly (readonly string[])[]): FindResult {
  const covers = (columns: Record<string, number>) => required.every((alts) => alts.some((a) => a in columns));
  // A table hidden by its markup (a copy kept for later, a template drawn off screen) is not what
  // the page shows: never read it, even when its headers fit.
  const shown = (grids: Grid[]) => grids.filter((g) => visibilityUpTo(g.element, null).shown !== false);
  let candidates = shown([...htmlTables(root), ...ariaTables(root)]);
  let best = pick(candidates, spec, covers);
  if (!best) {
    candidates = [...candidates, ...shown(divGrids(root, Object.values(spec).flat()))];
    best = pick(candidates, spec, covers);
  }
  if (best) return { ok: true, ...best };
  const seen = candidates.filter((g) => g.headers.some(Boolean)).map((g) => g.headers.filter(Boolean).join(' | '));
  const wanted = required.map((alts) => alts.join(' or ')).join(', ');
  return {
    ok: false,
    reason: seen.length
      ? `no table has the columns ${wanted}; tables seen: ${seen.slice(0, 3).map((h) => `[${h}]`).join(', ')}`
      : `no table was found (looking for the columns ${wanted})`,
  };
}

function pick(candidates: Grid[], spec: ColumnSpec, covers: (c: Record<string, number>) => boolean) {
  let best: { grid: Grid; columns: Record<string, number> } | null = null;
  for (const grid of candidates) {
    const columns = mapColumns(grid.headers, spec);
    if (!covers(columns)) continue;
    // Prefer the table that matches more of our columns, then the one with more rows.
    const score = Object.keys(columns).length * 1e6 + grid.rows.length;
    const bestScore = best ? Object.keys(best.columns).length * 1e6 + best.grid.rows.length : -1;
    if (score > bestScore) best = { grid, columns };
  }
  return best;
}
