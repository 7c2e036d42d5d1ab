import { createRequire } from 'node:module';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The one host we read. Kept here and asserted by tests/unit/manifest.test.ts.
export const HOST_PERMISSIONS = ['https://platform.openai.com/*'];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
    build: {
      // Terser packs the content script about 4 % smaller than esbuild: it loads on every billing page.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      rollupOptions: {
        // zod ships /* @__PURE__ */ comments in places Rollup cannot use; it drops them and says
        // so on every build. That is zod's business, not a problem of ours: keep builds quiet.
        // (onLog, not onwarn: Vite never calls a user's onwarn for these.)
        onLog(level, log, handler) {
          if (level === 'warn' && log.code === 'INVALID_ANNOTATION' && log.id?.includes('/node_modules/zod/')) return;
          handler(level, log);
        },
      },
    },
  }),
  hooks: {
    // The content script runs on every page of the site and its size is budgeted (npm run bench).
    // It reaches the extension only through runtime.sendMessage, which every MV3 browser we ship
    // for answers with a promise: it takes WXT's plain `browser` (Firefox's, else Chrome's) instead
    // of the polyfill, a tenth of its size. Popup, options and background keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const plain = createRequire(import.meta.url).resolve('wxt/browser');
      config.resolve ??= {};
      const alias = config.resolve.alias;
      if (Array.isArray(alias)) config.resolve.alias = [...alias.filter((a) => a.find !== 'wxt/browser'), { find: 'wxt/browser', replacement: plain }];
      else config.resolve.alias = { ...(alias as Record<string, string> | undefined), 'wxt/browser': plain };
    },
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.ci/**', 'screenshots/**', 'bench-results/**', 'scratch/**', 'docs/**'],
  },
  manifest: ({ browser }) => ({
    // Words in locales/ (@wxt-dev/i18n): the store listing is translated like the rest.
    default_locale: 'en',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    permissions: ['storage'],
    host_permissions: HOST_PERMISSIONS,
    action: { default_title: '__MSG_ext_name__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'credit-lens@credit-lens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions needs Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
