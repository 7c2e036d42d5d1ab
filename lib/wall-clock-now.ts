// The current wall-clock time as YYYY-MM-DDTHH:mm:ss (local, no zone), like the pages' own times.
const pad = (n: number) => String(n).padStart(2, '0');

export function wallClockNow(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
