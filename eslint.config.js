// Context boundaries are lint errors, not conventions (see README "Layout").
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that only the background may make: storage engines and the network. */
const BACKGROUND_ONLY_IMPORTS = [
  { name: 'idb', message: 'Only the background touches IndexedDB; ask it through lib/messages.' },
  { name: 'wxt/browser', message: 'Components get what they need as props or signals, not from browser.*.' },
  { name: 'webextension-polyfill', message: 'Components get what they need as props or signals, not from browser.*.' },
];

const STORAGE_ENGINE_IMPORT = BACKGROUND_ONLY_IMPORTS[0];
const NO_PREACT = {
  group: ['preact', 'preact/*', '@preact/*'],
  message: 'lib/ has no Preact imports; UI lives in components/.',
};
const NETWORK_AND_STORAGE_GLOBALS = [
  { name: 'fetch', message: 'Only the background talks to the network.' },
  { name: 'XMLHttpRequest', message: 'Only the background talks to the network.' },
  { name: 'WebSocket', message: 'Only the background talks to the network.' },
  { name: 'indexedDB', message: 'Only the background touches IndexedDB.' },
];
/** Detection reads only the document and URL it is given. */
const PAGE_GLOBALS = ['document', 'window', 'location', 'navigator', 'localStorage', 'sessionStorage'].map((name) => ({
  name,
  message: 'lib/detect is pure: use the document and URL passed in.',
}));

const BACKGROUND_ONLY_GLOBALS = [
  { name: 'fetch', message: 'Only the background talks to the network.' },
  { name: 'browser', message: 'Components never call browser.* directly.' },
  { name: 'chrome', message: 'Components never call chrome.* directly.' },
  { name: 'indexedDB', message: 'Only the background touches IndexedDB.' },
];

/**
 * The rooms of lib/ by runtime context (docs/architecture.md) and who may
 * import whom. `target` is the importing code, `from` what it may not import.
 */
const EXTENSION_CONTEXTS = ['./lib/background', './lib/content', './lib/pages'];
const ZONES = [
  // lib/ is below everything else.
  {
    target: './lib',
    from: ['./components', './entrypoints', './server', './modules', './scripts'],
    message: 'lib/ never imports UI, entry points, build modules, scripts or the server.',
  },
  {
    target: './lib/shared',
    from: [...EXTENSION_CONTEXTS, './lib/detect'],
    message: 'lib/shared is used by every context, so it imports none of them.',
  },
  {
    target: './lib/detect',
    from: './lib',
    except: ['./detect', './shared/isbn', './shared/book-ref.ts'],
    message: 'lib/detect is pure: it uses only the ISBN rules and the BookRef it returns.',
  },
  {
    target: './lib/content',
    from: ['./lib/background', './lib/pages'],
    message: 'The in-page agent runs in the host page: it asks the background through lib/shared/messages.',
  },
  {
    target: './lib/pages',
    from: ['./lib/background', './lib/content'],
    message: 'Extension pages ask the background through lib/shared/messages; they never run its code.',
  },
  {
    target: './lib/background',
    from: ['./lib/content', './lib/pages'],
    message: 'The background never runs page or in-page code.',
  },
  {
    target: './components',
    from: ['./lib/background', './lib/content', './entrypoints', './server'],
    message: 'Components get data through their ports (components/ports.ts): never background, in-page or server code.',
  },
  {
    target: ['./entrypoints/popup', './entrypoints/options', './entrypoints/sidepanel'],
    from: ['./lib/background', './lib/content'],
    message: 'Extension pages ask the background through lib/shared/messages; they never run its code.',
  },
  {
    target: './entrypoints/background.ts',
    from: ['./lib/content', './lib/pages', './components'],
    message: 'The background entry wires lib/background only.',
  },
  {
    target: './server',
    from: './lib',
    except: ['./shared/api', './shared/isbn'],
    message:
      'The server shares only the API contract (lib/shared/api) and ISBN rules (lib/shared/isbn) with the extension.',
  },
  {
    target: './server',
    from: ['./components', './entrypoints'],
    message: 'The server never imports UI or entry points.',
  },
  {
    target: ['./lib', './components', './entrypoints', './server', './scripts', './modules'],
    from: './tests',
    message: 'Nothing imports tests/.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'tests/fixtures/**',
      'tests/e2e/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // The cycle rule parses the modules an import reaches: TypeScript files too.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      // Imports are extension-less relative paths; resolve them as the bundler does.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // A body that wraps onto its own line gets braces, so the formatter's line breaks never hide a statement.
      curly: ['error', 'multi-line'],
      // Prettier wraps code at 120 but leaves comments alone; this holds them to the same width.
      // URLs and string contents cannot be wrapped without changing them, so they may run long.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreComments: false,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: ZONES }],
      // Rooms stack one way; a cycle would make two modules one room in disguise.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Plain-JavaScript tooling runs on Node.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['preact', 'preact/*', '@preact/*'],
              message: 'lib/ has no Preact imports; UI lives in components/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: BACKGROUND_ONLY_IMPORTS }],
      'no-restricted-globals': ['error', ...BACKGROUND_ONLY_GLOBALS],
    },
  },
  {
    // Extension pages and the in-page agent may use browser.* (messaging, storage
    // events, permissions) but never the network or IndexedDB.
    files: ['lib/pages/**', 'lib/content/**', 'lib/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [STORAGE_ENGINE_IMPORT], patterns: [NO_PREACT] }],
      'no-restricted-globals': ['error', ...NETWORK_AND_STORAGE_GLOBALS],
    },
  },
  {
    // Detection takes the document and URL as arguments and returns a value.
    files: ['lib/detect/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: BACKGROUND_ONLY_IMPORTS, patterns: [NO_PREACT] }],
      'no-restricted-globals': ['error', ...BACKGROUND_ONLY_GLOBALS, ...PAGE_GLOBALS],
    },
  },
);
