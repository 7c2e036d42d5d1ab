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
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
          warn(warning);
        },
      },
    },
  }),
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
