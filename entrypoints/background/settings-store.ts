// Analysis settings and the organization last seen, in storage.local, validated on read.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../lib/analysis/settings';

const SETTINGS_KEY = 'local:settings';
const CURRENT_KEY = 'local:currentOrganization';

export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse((await storage.getItem(SETTINGS_KEY)) ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await readSettings()), ...change });
  await storage.setItem(SETTINGS_KEY, next);
  return next;
}

export async function readCurrentOrg(): Promise<string | null> {
  const v = await storage.getItem<unknown>(CURRENT_KEY);
  return typeof v === 'string' ? v : null;
}

export async function writeCurrentOrg(key: string): Promise<void> {
  await storage.setItem(CURRENT_KEY, key);
}
