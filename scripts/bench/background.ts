// The background's snapshot path, step by step, in Node on the same functions the worker runs:
// validating the message (zod), merging the page into the ledger, the analysis, what the answer
// costs to copy (structured clone, as a message is), and what writing costs after the answer
// (the stored ledger serialised, the undo entry compressed). Storage itself is measured in the
// browser (content.ts reads the worker's marks).
import { pack } from '../../entrypoints/background/pack';
import { buildReport } from '../../lib/analysis/report';
import type { PageKind } from '../../lib/dashboard/pages';
import type { Snapshot } from '../../lib/dashboard/snapshot';
import { mergeSnapshotPlaced } from '../../lib/ledger/merge';
import { emptyLedger, type Ledger } from '../../lib/ledger/schema';
import { toStored } from '../../lib/ledger/stored';
import { MessageSchema } from '../../lib/messages';
import { snapshotAnswer } from './answer';
import { best, median, times } from './stats';

export type Step = 'zod' | 'merge' | 'analyse' | 'answer' | 'clone' | 'store' | 'journal';
export const STEPS: Step[] = ['zod', 'merge', 'analyse', 'answer', 'clone', 'store', 'journal'];
export const STEP_NAMES: Record<Step, string> = {
  zod: 'validate the message (zod)',
  merge: 'merge into the ledger',
  analyse: 'analysis (report)',
  answer: 'the per-row answer',
  clone: 'structured clone of the answer',
  store: 'stored form, serialised (after the answer)',
  journal: 'undo entry, compressed (after the answer)',
};

export type Breakdown = Record<Step, { best: number; median: number }>;

const RUNS = 5;

/** A page read `ledger` already holds, read again a day later: what a return visit sends. */
export function readAgain(snapshot: Snapshot, rows: number): Snapshot {
  return { ...snapshot, seenAt: '2026-11-28T09:00:00', grants: snapshot.grants.slice(0, rows), invoices: snapshot.invoices.slice(0, rows) };
}

export async function snapshotPath(ledger: Ledger, snapshot: Snapshot): Promise<Breakdown> {
  const message = { type: 'snapshot', snapshot };
  const pick = (xs: number[]) => ({ best: best(xs), median: median(xs) });
  const zod = times(RUNS, () => MessageSchema.parse(message));
  let merged = mergeSnapshotPlaced(ledger, snapshot);
  const merge = times(RUNS, () => (merged = mergeSnapshotPlaced(ledger, snapshot)));
  const key = merged.placement.kind === 'org' ? merged.placement.key : null;
  const org = key !== null ? merged.ledger.organizations[key]! : merged.ledger.held[0]!.org;
  let report = buildReport(org, { today: '2026-11-28' });
  const analyse = times(RUNS, () => (report = buildReport(org, { today: '2026-11-28' })));
  let answer: unknown = null;
  const answerTimes = times(RUNS, () => (answer = snapshotAnswer(snapshot, report, merged)));
  const clone = times(RUNS, () => structuredClone(answer));
  const store = times(RUNS, () => JSON.stringify(toStored(merged.ledger)));
  const journal: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await pack(JSON.stringify({ add: toStored(merged.change), removeHeld: [] }));
    journal.push(performance.now() - t0);
  }
  return { zod: pick(zod), merge: pick(merge), analyse: pick(analyse), answer: pick(answerTimes), clone: pick(clone), store: pick(store), journal: pick(journal) };
}

export const emptyStart = (): Ledger => emptyLedger();
export type { PageKind };
