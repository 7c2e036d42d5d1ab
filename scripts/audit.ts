// npm run --silent audit -- [--json] [--locale BCP47] [--threshold DOLLARS] [--save-ledger OUT.json] FILE...
// Exit 0 with a report; exit 2 with one line on stderr and nothing on stdout otherwise.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { auditFiles, type InputFile } from '../lib/audit/audit-files';
import { parseHtmlDocument } from '../lib/audit/html-document';
import { formatReport } from '../lib/audit/format-text';
import { SettingsSchema } from '../lib/analysis/settings';
import { parseMoney } from '../lib/dashboard/money';
import { exportLedger } from '../lib/ledger/transfer';

const USAGE = 'usage: npm run --silent audit -- [--json] [--locale BCP47] [--threshold DOLLARS] [--save-ledger OUT.json] FILE...';

/** A BCP 47 tag Intl formats dates in. */
function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false;
  }
}

function fail(message: string): never {
  process.stderr.write(`audit: ${message}\n`);
  process.exit(2);
}

/** Wall clock in UTC: the CLI never depends on the machine's time zone. */
function utcWall(d: Date): string {
  return d.toISOString().slice(0, 19);
}

const ArgsSchema = z.object({
  json: z.boolean().default(false),
  threshold: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return null;
      const money = parseMoney(v.trim().startsWith('$') ? v.trim() : `$${v.trim()}`);
      if (!money || money.cents < 0) {
        ctx.addIssue({ code: 'custom', message: `--threshold takes dollars, like 5 or 5.00 (got "${v}")` });
        return z.NEVER;
      }
      return money.cents;
    }),
  'save-ledger': z.string().min(1).optional(),
  locale: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v !== undefined && !isLocale(v)) ctx.addIssue({ code: 'custom', message: `--locale takes a browser locale, like vi-VN or de-DE (got "${v}")` });
    }),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '--today takes YYYY-MM-DD').optional(),
  files: z.array(z.string()).min(1, 'no FILE given'),
});

let parsed;
try {
  const { values, positionals } = parseArgs({
    options: {
      json: { type: 'boolean' },
      threshold: { type: 'string' },
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

const files: InputFile[] = args.files.map((path) => {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) fail(`${path}: not a file`);
    return { name: basename(path), text: readFileSync(path, 'utf8'), savedAt: utcWall(stat.mtime) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
  }
});

const settings = SettingsSchema.parse({ thresholdCents: args.threshold });
const today = args.today ?? utcWall(new Date()).slice(0, 10);
const result = auditFiles(files, parseHtmlDocument, settings, today, { locale: args.locale });
if (!result.ok) fail(result.error);
if (args['save-ledger']) {
  try {
    writeFileSync(args['save-ledger'], exportLedger(result.ledger));
  } catch {
    fail(`${args['save-ledger']}: cannot be written`);
  }
}
process.stdout.write(args.json ? `${JSON.stringify(result.report, null, 2)}\n` : formatReport(result.report));
