// Text the CLI prints comes partly from pages and imports (organization names, status words,
// warnings quoting a cell): it must not reach a terminal as escape sequences or reordering
// marks. Text output keeps only newlines; JSON keeps its data and escapes what JSON.stringify
// leaves raw.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Control characters removed (tabs become spaces); newlines kept. */
export function printable(text: string): string {
  return text.replace(/\t/g, ' ').replace(CONTROLS, '');
}

/** One line: for the one line on stderr a usage error gets. */
export function oneLine(text: string): string {
  return printable(text.replace(/[\r\n]+/g, ' '));
}

const RAW_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** JSON text with every control and direction mark escaped (\uXXXX): the same data, nothing raw. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
