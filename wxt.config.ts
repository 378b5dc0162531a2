import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The canon server the extension talks to unless the reader picks another one
// in options. Read once here so the manifest's host permission and the
// runtime default can never disagree.
const canonUrl = new URL(process.env.WXT_CANON_URL ?? 'http://127.0.0.1:8787');

export default defineConfig({
  // Every dependency is a visible import: no auto-imports.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    define: {
      'import.meta.env.WXT_CANON_URL': JSON.stringify(canonUrl.origin),
    },
  }),
  zip: {
    // The sources zip Mozilla's reviewers rebuild from: the code and the
    // files the build needs, not saved third-party pages, test data or keys.
    excludeSources: ['tests/fixtures/**', 'tests/e2e/.artifacts/**', '**/*.pem', '**/*.key', 'data/**', '.ci/**'],
  },
  manifest: ({ browser }) => ({
    name: 'Bookside',
    description: 'The community book canon beside bookstore and library pages.',
    permissions: ['storage', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [`${canonUrl.origin}/*`, 'https://openlibrary.org/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'bookside@bookside.example',
              strict_min_version: '142.0',
              data_collection_permissions: {
                required: ['websiteContent', 'personallyIdentifyingInfo'],
              },
            },
          },
        }
      : {}),
  }),
});
