// Analysis settings and the organization last seen (lib/storage-items.ts), validated on read.
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../lib/analysis/settings';
import { currentOrganizationItem, settingsItem } from '../../lib/storage-items';

let cachedSettings: Settings | null = null;

export async function readSettings(): Promise<Settings> {
  if (cachedSettings) return cachedSettings;
  const stored = await settingsItem.getValue().catch(() => null);
  const parsed = SettingsSchema.safeParse(stored ?? {});
  return (cachedSettings = parsed.success ? parsed.data : DEFAULT_SETTINGS);
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await readSettings()), ...change });
  await settingsItem.setValue(next);
  return (cachedSettings = next);
}

/** Forget the in-memory settings (tests that reset storage behind the worker's back). */
export function forgetCachedSettings(): void {
  cachedSettings = null;
}

export async function readCurrentOrg(): Promise<string | null> {
  const v = await currentOrganizationItem.getValue().catch(() => null);
  return typeof v === 'string' ? v : null;
}

export async function writeCurrentOrg(key: string): Promise<void> {
  await currentOrganizationItem.setValue(key).catch(() => undefined);
}
