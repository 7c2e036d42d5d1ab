// Imports read and checked, waiting for the user to confirm them (in memory: a restarted worker
// forgets them, and the user chooses the file again). Two at most: the newest win.
import type { Ledger } from '../../lib/ledger/schema';

const MAX = 2;
const waiting = new Map<string, Ledger>();
let counter = 0;

export const pendingImports = {
  add(ledger: Ledger): string {
    const token = `import-${Date.now().toString(36)}-${(counter++).toString(36)}`;
    waiting.set(token, ledger);
    while (waiting.size > MAX) waiting.delete(waiting.keys().next().value!);
    return token;
  },
  take(token: string): Ledger | undefined {
    const ledger = waiting.get(token);
    waiting.delete(token);
    return ledger;
  },
};
