// Organization keys and import limits, without zod: the popup and options page use them too.

/** Whether `key` can be the key of an organization called `name` ("Acme", then "Acme (2)", …: schema.ts freeOrgKey). */
export function keyFitsName(key: string, name: string | null): boolean {
  if (name === null) return false;
  if (key === name) return true;
  const m = /^(.*) \((\d{1,6})\)$/s.exec(key);
  return m !== null && m[1] === name && Number(m[2]) >= 2;
}

/** The most an import may be: more than the browser keeps for an extension (10 MB) cannot be stored. */
export const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function tooLarge(bytes: number): string | null {
  return bytes > IMPORT_LIMIT_BYTES
    ? `The file is ${megabytes(bytes)}; Credit Lens imports data exports of up to ${megabytes(IMPORT_LIMIT_BYTES)}, the most the browser keeps for an extension.`
    : null;
}
