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

const BACKGROUND_ONLY_GLOBALS = [
  { name: 'fetch', message: 'Only the background talks to the network.' },
  { name: 'browser', message: 'Components never call browser.* directly.' },
  { name: 'chrome', message: 'Components never call chrome.* directly.' },
  { name: 'indexedDB', message: 'Only the background touches IndexedDB.' },
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
      // Imports are extension-less relative paths; resolve them as the bundler does.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // A body that wraps onto its own line gets braces, so the formatter's line breaks never hide a statement.
      curly: ['error', 'multi-line'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './lib', from: './components', message: 'lib/ never imports UI.' },
            { target: './lib', from: './entrypoints', message: 'lib/ never imports entry points.' },
            { target: './lib', from: './server', message: 'lib/ never imports the server.' },
            {
              target: './components',
              from: './entrypoints',
              message: 'Dependencies point entrypoints → components → lib.',
            },
            { target: './components', from: './server', message: 'Components never import the server.' },
            {
              target: './server',
              from: './lib',
              except: ['./canon', './isbn'],
              message:
                'The server shares only the API contract (lib/canon) and ISBN rules (lib/isbn) with the extension.',
            },
            { target: './server', from: './components', message: 'The server never imports UI.' },
            { target: './server', from: './entrypoints', message: 'The server never imports entry points.' },
            {
              target: ['./lib', './components', './entrypoints', './server', './scripts'],
              from: './tests',
              message: 'Nothing imports tests/.',
            },
          ],
        },
      ],
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
);
