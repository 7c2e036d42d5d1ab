// The knobs of the analysis, with the contract's defaults. Validated wherever they come in.
import { z } from 'zod';

// Each knob's range, without its default: a change names only what it changes (SettingsChange).
const FIELDS = {
  /** rapid-recharge: this many paid recharges within rapidWindowMinutes… */
  rapidCount: z.number().int().min(2).max(100),
  rapidWindowMinutes: z.number().int().min(1).max(60 * 24 * 31),
  /** …or this many within rapidShortWindowMinutes. */
  rapidShortCount: z.number().int().min(2).max(100),
  rapidShortWindowMinutes: z.number().int().min(1).max(24 * 60),
  expiringDays: z.number().int().min(1).max(366),
  /** Auto-recharge threshold to use when no overview page gave one. */
  thresholdCents: z.number().int().min(0).max(100_000_000).nullable(),
  /** Auto-recharge target ("bring the balance up to") to use when no overview page gave one. */
  targetCents: z.number().int().min(0).max(100_000_000).nullable(),
  /**
   * Charges the user says were right: a purchase made by hand that an auto-recharge could also
   * have made, or a recharge under settings changed since (the pages show only today's). They
   * are never alerted about nor put in the support request.
   */
  clearedCharges: z.array(z.string().min(1).max(200)).max(10_000),
};

export const SettingsSchema = z.object({
  rapidCount: FIELDS.rapidCount.default(3),
  rapidWindowMinutes: FIELDS.rapidWindowMinutes.default(24 * 60),
  rapidShortCount: FIELDS.rapidShortCount.default(2),
  rapidShortWindowMinutes: FIELDS.rapidShortWindowMinutes.default(60),
  expiringDays: FIELDS.expiringDays.default(30),
  thresholdCents: FIELDS.thresholdCents.default(null),
  targetCents: FIELDS.targetCents.default(null),
  clearedCharges: FIELDS.clearedCharges.default([]),
});

/**
 * A change to the settings: only the knobs it names. (zod's `.partial()` of SettingsSchema would
 * fill every knob left out with its default, and so undo what the user had set.)
 */
export const SettingsChangeSchema = z.object(FIELDS).partial();

export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
