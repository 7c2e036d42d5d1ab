// Analysis settings and the organization last seen, in storage.local, validated on read.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../lib/analysis/settings';

const SETTINGS_KEY = 'local:settings';
const CURRENT_KEY = 'local:currentOrganization';

let cachedSettings: Settings | null = null;

export async function readSettings(): Promise<Settings> {
  if (cachedSettings) return cachedSettings;
  const parsed = SettingsSchema.safeParse((await storage.getItem(SETTINGS_KEY)) ?? {});
  return (cachedSettings = parsed.success ? parsed.data : DEFAULT_SETTINGS);
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await readSettings()), ...change });
  await storage.setItem(SETTINGS_KEY, next);
  return (cachedSettings = next);
}

/** Forget the in-memory settings (tests that reset storage behind the worker's back). */
export function forgetCachedSettings(): void {
  cachedSettings = null;
}

export async function readCurrentOrg(): Promise<string | null> {
  const v = await storage.getItem<unknown>(CURRENT_KEY);
  return typeof v === 'string' ? v : null;
}

export async function writeCurrentOrg(key: string): Promise<void> {
  await storage.setItem(CURRENT_KEY, key);
}
