// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layer boundaries from ARCHITECTURE.md, enforced here rather than remembered. */
const onlyShellMayImportElectron = {
  paths: [
    {
      name: 'electron',
      message: 'Only electron/main.ts, preload.ts and electron/shell/ import electron.',
    },
  ],
};

/**
 * What electron/core may import: nothing impure, and of this repo only the core itself, which
 * `layerPattern` says relative to the files it applies to.
 * @param {string[]} layerPattern
 */
const coreImports = (layerPattern) => ({
  paths: [
    ...onlyShellMayImportElectron.paths,
    { name: 'better-sqlite3', message: 'The core is pure: storage lives in electron/store.' },
    { name: 'ws', message: 'The core is pure: the server lives in electron/server.' },
    { name: 'node:fs', message: 'The core is pure: no I/O.' },
    { name: 'fs', message: 'The core is pure: no I/O.' },
    { name: 'node:http', message: 'The core is pure: no I/O.' },
  ],
  patterns: [
    { group: layerPattern, message: 'electron/core imports nothing from the other layers.' },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.tools',
      '.vite',
      'out',
      'test-results',
      'playwright-report',
      '.reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: { 'no-restricted-imports': ['error', onlyShellMayImportElectron] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreImports(['../*', '!../core/*'])],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The core reads no clock: pass time in.' },
        {
          object: 'Math',
          property: 'random',
          message: 'The core draws no randomness: pass it in.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The core reads no clock: pass time in.',
        },
      ],
    },
  },
  {
    // The core's test support sits a folder down (out of the product files, beside the tests):
    // it reaches the core from there, and still nothing else.
    files: ['electron/core/test-support/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreImports(['../../*', '!../../core/*'])] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: onlyShellMayImportElectron.paths,
          patterns: [
            {
              regex: '^(\\.\\./)+electron/(?!api/)',
              message: 'The renderer reaches electron/ only through electron/api/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Test support stays out of the app (ARCHITECTURE.md): the bundles take in whatever a
    // product file imports, so none imports a test-support folder or e2e/. A rule of its own
    // (typescript-eslint's twin of no-restricted-imports), so the layer rules above still hold.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(test-support|e2e)/',
              message: 'Test support is for tests, scripts and bench/: the app never imports it.',
            },
          ],
        },
      ],
    },
  },
);
