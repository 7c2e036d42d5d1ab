// The bench's yardstick: a fixed piece of JavaScript that never changes with our code, doing the
// kind of work the engine does (scanning markup with indexOf and sticky regexes, building small
// objects that stay alive, map lookups, sorting, JSON). Its time says how fast this shared machine
// is at the moment; scripts/bench/speed.ts turns it into the factor timing budgets are scaled by.
// Run as its own process (`node scripts/bench/yardstick.mjs`): prints its in-process time in ms.
import { performance } from 'node:perf_hooks';
import process from 'node:process';

function rows(n) {
  const parts = [];
  for (let i = 0; i < n; i++) {
    parts.push(`<tr data-row="${i}"><td>Nov ${(i % 28) + 1}, 2026, ${(i % 12) + 1}:${String(i % 60).padStart(2, '0')} PM</td><td>$${((i * 37) % 100000 / 100).toFixed(2)}</td><td>Paid</td></tr>`);
  }
  return parts.join('\n');
}

function scan(text) {
  const cells = [];
  const cell = /<td>([^<]*)<\/td>/y;
  for (let at = text.indexOf('<td>'); at >= 0; at = text.indexOf('<td>', at + 4)) {
    cell.lastIndex = at;
    const m = cell.exec(text);
    if (m) cells.push({ text: m[1], at, parent: null, kids: [] });
  }
  return cells;
}

function tree(cells) {
  const rowsOf = new Map();
  for (let i = 0; i < cells.length; i++) {
    const key = `row:${Math.floor(i / 3)}`;
    let row = rowsOf.get(key);
    if (!row) rowsOf.set(key, (row = { key, cells: [], cents: 0 }));
    cells[i].parent = row;
    row.cells.push(cells[i]);
    const money = /^\$(\d+)\.(\d\d)$/.exec(cells[i].text);
    if (money) row.cents = Number(money[1]) * 100 + Number(money[2]);
  }
  return [...rowsOf.values()];
}

export function yardstick() {
  const t0 = performance.now();
  let check = 0;
  for (let round = 0; round < 2; round++) {
    const rs = tree(scan(rows(20000)));
    rs.sort((a, b) => a.cents - b.cents || (a.key < b.key ? -1 : 1));
    const json = JSON.stringify(rs.map((r) => ({ key: r.key, cents: r.cents, text: r.cells.map((c) => c.text) })));
    check += JSON.parse(json).length;
  }
  if (check !== 40000) throw new Error(`yardstick: ${check}`);
  return performance.now() - t0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${yardstick().toFixed(1)}\n`);
