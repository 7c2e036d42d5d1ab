// Joining a page's rows into a ledger's sorted rows without sorting the ledger again: each
// incoming row is found through an index of the sorted array (built once per array, and handed
// on to the array that replaces it when no row moved), joined, and put back where it was when
// what it is sorted by did not change, else moved by binary search. The result is the array that
// sorting the joined union would give, exactly: the order is total (ids break every tie).

const indexes = new WeakMap<readonly unknown[], Map<string, number>>();
/** Arrays checked to be in order with unique ids (ledgers read from storage or built by joins). */
const ordered = new WeakSet<readonly unknown[]>();

/** Position of each row by id, built once per array. */
export function indexById<T>(rows: readonly T[], id: (x: T) => string): Map<string, number> {
  let index = indexes.get(rows);
  if (!index) {
    index = new Map();
    for (let i = 0; i < rows.length; i++) index.set(id(rows[i]!), i);
    indexes.set(rows, index);
  }
  return index;
}

function inOrder<T>(rows: readonly T[], id: (x: T) => string, compare: (a: T, b: T) => number): boolean {
  if (ordered.has(rows)) return true;
  for (let i = 1; i < rows.length; i++) if (compare(rows[i - 1]!, rows[i]!) >= 0) return false;
  if (indexById(rows, id).size !== rows.length) return false;
  ordered.add(rows);
  return true;
}

/** First position in `rows` whose row sorts after `x`. */
function insertionPoint<T>(rows: readonly T[], x: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(rows[mid]!, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `sort(joinById(sorted, incoming))`, touching only the incoming rows. Null when `sorted` is not
 * in order with unique ids (the caller sorts the union instead).
 */
export function upsertSorted<T>(sorted: readonly T[], incoming: readonly T[], id: (x: T) => string, join: (a: T, b: T) => T, compare: (a: T, b: T) => number): T[] | null {
  if (!inOrder(sorted, id, compare)) return null;
  const index = indexById(sorted, id);
  // The joined value of every id the page brings, in the order joinById would join them.
  const joined = new Map<string, T>();
  for (const x of incoming) {
    const key = id(x);
    const had = joined.get(key) ?? (index.has(key) ? sorted[index.get(key)!]! : undefined);
    joined.set(key, had === undefined ? x : join(had, x));
  }
  const out = sorted.slice();
  const moved: T[] = [];
  const leaving = new Set<number>();
  for (const [key, row] of joined) {
    const at = index.get(key);
    if (at === undefined) {
      moved.push(row);
      continue;
    }
    // Sorted by the same values: it keeps its place (rows that move away leave it in order).
    if (compare(sorted[at]!, row) === 0) out[at] = row;
    else {
      moved.push(row);
      leaving.add(at);
    }
  }
  if (!moved.length) {
    indexes.set(out, index); // same ids at the same places
    ordered.add(out);
    return out;
  }
  const staying = leaving.size ? out.filter((_, i) => !leaving.has(i)) : out;
  moved.sort(compare);
  const result: T[] = [];
  let from = 0;
  for (const row of moved) {
    const at = insertionPoint(staying, row, compare);
    for (; from < at; from++) result.push(staying[from]!);
    result.push(row);
  }
  for (; from < staying.length; from++) result.push(staying[from]!);
  ordered.add(result);
  return result;
}
