// Imports are evidence too: a file that validates in shape can still say what no page showed.
// These checks hold for every ledger this code builds from pages (merge.ts), so a file that fails
// one was made or changed by something else, and is refused whole.
import { formatCents } from '../dashboard/money';
import { cleanText } from '../dashboard/text';
import { addDaysToDay, TIME_NOT_SHOWN } from '../wall-clock';
import { grantGroupKey } from './identity';
import { keyFitsName, type HeldRead, type Ledger, type LedgerGrant, type OrgLedger } from './schema';

/** Dates before this are not OpenAI billing (prepaid credit began in 2023; some margin). */
const EARLIEST = '2015-01-01';

const covers = (o: readonly [number, string, string], t: string) => o[1] <= t && t <= o[2];

function checkGrants(where: string, grants: readonly LedgerGrant[], latestDay: string, problems: string[]): void {
  const byGroup = new Map<string, LedgerGrant[]>();
  const ids = new Set<string>();
  for (const g of grants) {
    const name = `${where}, grant ${g.displayedDate} ${formatCents(g.amountCents)} #${g.rank + 1}`;
    if (ids.has(g.id)) problems.push(`${name} appears twice`);
    ids.add(g.id);
    if (g.displayedDate < EARLIEST || g.displayedDate > latestDay) problems.push(`${name}: its date is out of range`);
    if (g.expiresOn !== null && (g.expiresOn < g.displayedDate || g.expiresOn > addDaysToDay(latestDay, 366 * 5))) problems.push(`${name}: it expires ${g.expiresOn}, out of range`);
    for (const [cents, first, last] of g.remaining) {
      if (cents < 0 || cents > g.amountCents) problems.push(`${name}: a remaining ${formatCents(cents)} is not between $0.00 and its ${formatCents(g.amountCents)}`);
      if (first > last || first.slice(0, 10) < EARLIEST || last.slice(0, 10) > latestDay) problems.push(`${name}: seen at impossible times (${first} – ${last})`);
    }
    const key = grantGroupKey(g);
    const group = byGroup.get(key);
    if (group) group.push(g);
    else byGroup.set(key, [g]);
  }
  // No more rows than a page showed: the k-th fullest grant of a group was seen only together
  // with the k − 1 fuller ones, at the same moment (every read ranks its whole group at once).
  for (const group of byGroup.values()) {
    const byRank = new Map(group.map((g) => [g.rank, g]));
    for (const g of group) {
      if (g.rank === 0) continue;
      const fuller = byRank.get(g.rank - 1);
      const name = `${where}, grant ${g.displayedDate} ${formatCents(g.amountCents)} #${g.rank + 1}`;
      if (!fuller) {
        problems.push(`${name}: no page showed ${g.rank + 1} grants of that day and amount`);
        continue;
      }
      for (const [cents, first, last] of g.remaining) {
        for (const t of [first, last]) {
          if (!fuller.remaining.some((o) => covers(o, t) && o[0] >= cents)) {
            problems.push(`${name}: no page showed ${g.rank + 1} grants of that day and amount at ${t}`);
            break;
          }
        }
      }
    }
  }
}

function checkOrg(where: string, org: OrgLedger, latestDay: string, problems: string[]): void {
  // A name read from a page is one line of shown text (dashboard/text.ts): line breaks, controls
  // and direction marks in a name were put there by something else, to forge lines in an output.
  if (org.organization !== null && cleanText(org.organization, 200) !== org.organization) problems.push(`${where}: its name holds line breaks or control characters no page shows`);
  checkGrants(where, org.grants, latestDay, problems);
  const numbers = new Set<string>();
  for (const i of org.invoices) {
    const name = `${where}, invoice ${i.number}`;
    if (numbers.has(i.number)) problems.push(`${name} appears twice`);
    numbers.add(i.number);
    const firstSeen = i.statuses.reduce((m, s) => (s[2] < m ? s[2] : m), i.statuses[0]![2]);
    if (i.createdAt.slice(0, 10) < EARLIEST || i.createdAt.slice(0, 10) > addDaysToDay(firstSeen.slice(0, 10), 1)) problems.push(`${name}: created ${i.createdAt}, after it was first seen or out of range`);
    for (const [, , first, last] of i.statuses) {
      if (first > last || first.slice(0, 10) < EARLIEST || last.slice(0, 10) > latestDay) problems.push(`${name}: seen at impossible times (${first} – ${last})`);
    }
  }
  // A saved overview or usage page proves no time of its own: the audit CLI records TIME_NOT_SHOWN.
  const impossible = (at: string) => at !== TIME_NOT_SHOWN && (at.slice(0, 10) < EARLIEST || at.slice(0, 10) > latestDay);
  for (const [kind, seen] of Object.entries(org.pages)) {
    if (impossible(seen.seenAt)) problems.push(`${where}: the ${kind} page was read at an impossible time (${seen.seenAt})`);
  }
  for (const part of [org.overview, org.usage]) {
    if (part && impossible(part.seenAt)) problems.push(`${where}: read at an impossible time (${part.seenAt})`);
  }
}

/**
 * What in `ledger` no page could have shown, as sentences naming the organization and row; empty
 * when it all holds. `today` (YYYY-MM-DD, wall clock): nothing can have been seen after it.
 */
export function meaningProblems(ledger: Ledger, today: string): string[] {
  const problems: string[] = [];
  const latestDay = addDaysToDay(today, 1); // a wall clock a time zone ahead
  for (const [key, org] of Object.entries(ledger.organizations)) {
    const where = `organization "${key}"`;
    if (!keyFitsName(key, org.organization)) problems.push(`${where} is stored under a key that is not its name ("${org.organization ?? ''}")`);
    checkOrg(where, org, latestDay, problems);
  }
  ledger.held.forEach((h: HeldRead, n) => checkOrg(`held read ${n + 1}`, h.org, latestDay, problems));
  return problems;
}
