import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

// Changing what the extension may access is a decision: this test must be edited on purpose.
const manifestFor = (browser: string) => {
  const m = config.manifest;
  if (typeof m !== 'function') throw new Error('manifest should be a function of the browser');
  return m({ browser, manifestVersion: 3, mode: 'production', command: 'build' }) as Record<string, unknown>;
};

describe('manifest', () => {
  it.each(['chrome', 'firefox'])('asks only for storage and the one host (%s)', (browser) => {
    const m = manifestFor(browser);
    expect(m.permissions).toEqual(['storage']);
    expect(m.host_permissions).toEqual(['https://platform.openai.com/*']);
    expect(m).not.toHaveProperty('optional_permissions');
  });

  it('keeps Firefox settings out of the Chrome manifest', () => {
    expect(manifestFor('chrome')).not.toHaveProperty('browser_specific_settings');
    const gecko = (manifestFor('firefox').browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
