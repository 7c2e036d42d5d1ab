// The background worker's one entry for messages: validate, then act.
import { MessageSchema } from '../../lib/messages';
import { recordVisit, readVisits } from './visits';

export async function handleMessage(raw: unknown): Promise<unknown> {
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `Message rejected: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  }
  const message = parsed.data;
  switch (message.type) {
    case 'snapshot':
      await recordVisit(message.snapshot);
      return { ok: true };
    case 'status':
      return { ok: true, visits: await readVisits() };
  }
}
