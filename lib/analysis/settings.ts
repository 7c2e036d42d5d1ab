// The knobs of the analysis, with the contract's defaults. Validated wherever they come in.
import { z } from 'zod';

export const SettingsSchema = z.object({
  /** rapid-recharge: this many paid recharges within rapidWindowMinutes… */
  rapidCount: z.number().int().min(2).max(100).default(3),
  rapidWindowMinutes: z.number().int().min(1).max(60 * 24 * 31).default(24 * 60),
  /** …or this many within rapidShortWindowMinutes. */
  rapidShortCount: z.number().int().min(2).max(100).default(2),
  rapidShortWindowMinutes: z.number().int().min(1).max(24 * 60).default(60),
  expiringDays: z.number().int().min(1).max(366).default(30),
  /** Auto-recharge threshold to use when no overview page gave one. */
  thresholdCents: z.number().int().min(0).max(100_000_000).nullable().default(null),
  /** Auto-recharge target ("bring the balance up to") to use when no overview page gave one. */
  targetCents: z.number().int().min(0).max(100_000_000).nullable().default(null),
  /**
   * Charges the user says were right: a purchase made by hand that an auto-recharge could also
   * have made, or a recharge under settings changed since (the pages show only today's). They
   * are never alerted about nor put in the support request.
   */
  clearedCharges: z.array(z.string().min(1).max(200)).max(10_000).default([]),
});

export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
