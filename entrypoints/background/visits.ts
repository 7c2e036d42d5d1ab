// When each billing page was last read, and what came of it (shown in the popup).
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { PAGE_KINDS } from '../../lib/dashboard/routes';
import type { Snapshot } from '../../lib/dashboard/snapshot';

export const VisitSchema = z.object({
  page: z.enum(PAGE_KINDS),
  seenAt: z.string(),
  organization: z.string().nullable(),
  rows: z.number().int(),
  understood: z.boolean(),
  warnings: z.number().int(),
});
export type Visit = z.infer<typeof VisitSchema>;
const VisitsSchema = z.record(z.string(), VisitSchema);

const visitsItem = storage.defineItem<Record<string, Visit>>('local:visits', { fallback: {} });

export async function readVisits(): Promise<Record<string, Visit>> {
  const parsed = VisitsSchema.safeParse(await visitsItem.getValue());
  return parsed.success ? parsed.data : {};
}

export async function recordVisit(snapshot: Snapshot): Promise<void> {
  const visits = await readVisits();
  visits[snapshot.page] = {
    page: snapshot.page,
    seenAt: snapshot.seenAt,
    organization: snapshot.organization,
    rows: snapshot.grants.length + snapshot.invoices.length,
    understood: snapshot.understood,
    warnings: snapshot.warnings.length,
  };
  await visitsItem.setValue(visits);
}
