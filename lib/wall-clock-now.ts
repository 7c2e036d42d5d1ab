// Wall-clock times (local, no zone), like the pages' own: a Date to YYYY-MM-DDTHH:mm:ss, and a
// wall-clock string back to a Date for display. Built from numbers, never by parsing text.
const pad = (n: number) => String(n).padStart(2, '0');

export function wallClockNow(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** YYYY-MM-DD[THH:mm[:ss]] as a local Date (for formatting only). */
export function wallDate(at: string): Date {
  const n = at.split(/[-T:]/).map(Number);
  return new Date(n[0]!, n[1]! - 1, n[2]!, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0);
}
