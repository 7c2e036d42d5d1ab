// npm run --silent audit -- [--json | --format FORMAT] [--locale BCP47] [--threshold DOLLARS] [--target DOLLARS] [--save-ledger OUT.json] FILE...
// Exit 0 with a report; exit 2 with one line on stderr and nothing on stdout otherwise.
// Every time is the pages' own wall clock: nothing here reads the machine's time zone or a
// file's modification time (which is no evidence of when its page was seen).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { auditFiles, type InputFile } from '../lib/audit/audit-files';
import { parseHtmlDocument } from '../lib/audit/html-document';
import { formatReport } from '../lib/audit/format-text';
import { jsonText, oneLine, printable } from '../lib/audit/printable';
import { SettingsSchema } from '../lib/analysis/settings';
import { parseMoney } from '../lib/dashboard/money';
import { grantsCsv } from '../lib/exports/grants-csv';
import { monthlyStatement } from '../lib/exports/statement';
import { supportRequest } from '../lib/exports/support-request';
import { exportLedger } from '../lib/ledger/transfer';
import type { Report } from '../lib/report-schema';
import { wallClockNow } from '../lib/wall-clock';

const USAGE = 'usage: npm run --silent audit -- [--json | --format text|json|support|csv|statement] [--locale BCP47] [--threshold DOLLARS] [--target DOLLARS] [--save-ledger OUT.json] FILE...';

/** A BCP 47 tag Intl formats dates in. */
function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false;
  }
}

function fail(message: string): never {
  process.stderr.write(`audit: ${oneLine(message)}\n`);
  process.exit(2);
}

const FORMATS = {
  text: (r: Report) => printable(formatReport(r)),
  json: (r: Report) => `${jsonText(r)}\n`,
  support: (r: Report) => printable(supportRequest(r)),
  // CSV cells are cleaned and defused cell by cell (lines end in CRLF).
  csv: (r: Report) => grantsCsv(r),
  statement: (r: Report) => monthlyStatement(r),
} as const;

const dollars = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return null;
      const money = parseMoney(v.trim().startsWith('$') ? v.trim() : `$${v.trim()}`);
      if (!money || money.cents < 0) {
        ctx.addIssue({ code: 'custom', message: `--${name} takes dollars, like 5 or 5.00 (got "${v}")` });
        return z.NEVER;
      }
      return money.cents;
    });

const ArgsSchema = z
  .object({
    json: z.boolean().default(false),
    format: z.enum(Object.keys(FORMATS) as [keyof typeof FORMATS], { error: () => '--format takes text, json, support, csv or statement' }).optional(),
    threshold: dollars('threshold'),
    target: dollars('target'),
    'save-ledger': z.string().min(1).optional(),
    locale: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        if (v !== undefined && !isLocale(v)) ctx.addIssue({ code: 'custom', message: `--locale takes a browser locale, like vi-VN or de-DE (got "${v}")` });
      }),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '--today takes YYYY-MM-DD').optional(),
    files: z.array(z.string()).min(1, 'no FILE given'),
  })
  .refine((a) => !(a.json && a.format && a.format !== 'json'), '--json and --format FORMAT ask for two outputs: give one');

let parsed;
try {
  const { values, positionals } = parseArgs({
    options: {
      json: { type: 'boolean' },
      format: { type: 'string' },
      threshold: { type: 'string' },
      target: { type: 'string' },
      'save-ledger': { type: 'string' },
      locale: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  parsed = ArgsSchema.safeParse({ ...values, files: positionals });
} catch (e) {
  fail(`${e instanceof Error ? e.message : String(e)} (${USAGE})`);
}
if (!parsed.success) fail(`${parsed.error.issues[0]!.message} (${USAGE})`);
const args = parsed.data;
const format = args.format ?? (args.json ? 'json' : 'text');

const files: InputFile[] = args.files.map((path) => {
  try {
    if (!statSync(path).isFile()) fail(`${path}: not a file`);
    return { name: basename(path), text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
  }
});

const settings = SettingsSchema.parse({ thresholdCents: args.threshold, targetCents: args.target });
// Today decides only which credit counts as expired: the machine's own date, or --today.
const today = args.today ?? wallClockNow().slice(0, 10);
const result = auditFiles(files, parseHtmlDocument, settings, today, { locale: args.locale });
if (!result.ok) fail(result.error);
if (args['save-ledger']) {
  try {
    writeFileSync(args['save-ledger'], exportLedger(result.ledger));
  } catch {
    fail(`${args['save-ledger']}: cannot be written`);
  }
}
process.stdout.write(FORMATS[format](result.report));
