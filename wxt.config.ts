import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CANON_SNAPSHOT_FILE } from './lib/shared/canon-snapshot';
import { buildCanonSnapshot } from './scripts/canon-snapshot';
import { CONTENT_SCRIPT_MATCHES } from './lib/detect';
import { SITE_ADAPTERS } from './lib/detect/sites';
import { OPEN_LIBRARY_ORIGIN } from './lib/background/chapters/openlibrary';
import { buildCanonOrigin } from './lib/shared/settings/defaults';
import { hostPattern } from './lib/shared/settings/defaults';
import {
  BOOK_CHECK_SCRIPT_FILE,
  CLOSER_LOOK_SCRIPT_FILE,
  PAGE_PASS_SCRIPT_FILE,
  SIDEBAR_CONTROLS_SCRIPT_FILE,
} from './lib/shared/content-scripts';
import { TOGGLE_SIDEBAR_COMMAND } from './lib/background/tabs/sidebar-command';

// The canon server the extension talks to unless the reader picks another one
// in options. Read once here so the manifest's host permission and the
// runtime default can never disagree.
const canonOrigin = buildCanonOrigin(process.env);

export default defineConfig({
  // Every dependency is a visible import: no auto-imports.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
    // Chromium and Firefox (115+) preload modules themselves: the sidebar, popup and options pages need no
    // polyfill for it (300 B gzip of each).
    build: { modulePreload: { polyfill: false } },
    define: {
      'import.meta.env.WXT_CANON_URL': JSON.stringify(canonOrigin),
      // The options page lists the sites by name without bundling their adapters (lib/pages/site-list).
      'import.meta.env.BOOKSIDE_SITE_LIST': JSON.stringify(SITE_ADAPTERS.map(({ id, name }) => ({ id, name }))),
    },
  }),
  hooks: {
    // The canon ships inside the extension so it works with no server; the
    // background loads this file into IndexedDB on install, update and start.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: CANON_SNAPSHOT_FILE, contents: JSON.stringify(buildCanonSnapshot()) });
    },
  },
  zip: {
    // The sources zip Mozilla's reviewers rebuild from: the code and the
    // files the build needs, not saved third-party pages, test data or keys.
    excludeSources: ['tests/fixtures/**', 'tests/e2e/.artifacts/**', '**/*.pem', '**/*.key', 'data/**', '.ci/**'],
  },
  manifest: ({ browser }) => ({
    // A brand name, the same in every language; the description follows the
    // browser's language from locales/<lang>.yml.
    name: 'Bookside',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the opt-in any-site script is registered at run time.
    permissions: ['storage', 'alarms', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Keyboard first: one shortcut opens or collapses the sidebar beside the book (readers change it in the
    // browser's shortcut settings); the background hands it to the tab's content script.
    commands: {
      [TOGGLE_SIDEBAR_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    host_permissions: [hostPattern(canonOrigin), hostPattern(OPEN_LIBRARY_ORIGIN)],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Only the sidebar page may be framed, and only into the pages Bookside
    // runs on; Chrome's per-session dynamic URL stops sites fingerprinting it.
    // Detection's closer look (its two scripts) and the sidebar controls are imported by the
    // content script of those same pages (lib/content/script-loader.ts).
    web_accessible_resources: [
      {
        resources: [
          'sidepanel.html',
          BOOK_CHECK_SCRIPT_FILE,
          CLOSER_LOOK_SCRIPT_FILE,
          PAGE_PASS_SCRIPT_FILE,
          SIDEBAR_CONTROLS_SCRIPT_FILE,
        ],
        matches: [...new Set(CONTENT_SCRIPT_MATCHES.map(originPattern))],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          // The newest thing used is the data_collection_permissions key itself (Firefox 140 on desktop,
          // 142 on Android); MV3 with storage.session, scripting and optional host permissions is older.
          browser_specific_settings: {
            gecko_android: { strict_min_version: '142.0' },
            gecko: {
              id: 'bookside@bookside.example',
              strict_min_version: '140.0',
              data_collection_permissions: {
                required: ['websiteContent', 'personallyIdentifyingInfo'],
              },
            },
          },
        }
      : {}),
  }),
});

/** web_accessible_resources takes origins only: `*://*.amazon.de/*`, never a path. */
function originPattern(match: string): string {
  return match.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*');
}
