// Messages to the background worker. The worker validates each one with MessageSchema.
import { z } from 'zod';
import { SnapshotSchema } from './snapshot-schema';

export const MessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), snapshot: SnapshotSchema }),
  z.object({ type: z.literal('status') }),
]);
export type Message = z.infer<typeof MessageSchema>;
