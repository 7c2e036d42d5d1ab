import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WxtVitest does not apply the Preact preset: add it here too.
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // browser.i18n for the fake browser: the English messages (tests/support/i18n-setup.ts); reads
    // that name no locale try the CLI's candidate locales (tests/support/reader-setup.ts).
    setupFiles: ['tests/support/i18n-setup.ts', 'tests/support/reader-setup.ts'],
    // Timeouts catch hangs, they are not speed goals (those live in `npm run bench`): a shared
    // 2-core machine can be several times slower than a quiet one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
