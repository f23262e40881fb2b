// Lint rules. The important one is the core boundary: src/core is pure and may not import
// Office.js, React, the DOM, Node built-ins or any .xlsx library, so it runs unchanged in Excel,
// the browser and the CLI, and its tests need no doubles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'util',
  'stream',
  'zlib',
  'http',
  'https',
  'url',
  'buffer',
  'process',
  'events',
];

/** The core's outer boundary (no I/O, UI, Office.js or shell), plus any inner-layer patterns. */
function coreImports(layerPatterns = []) {
  return [
    'error',
    {
      paths: [
        ...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: no Node built-ins.' })),
        ...nodeBuiltins.map((name) => ({ name: `node:${name}`, message: 'src/core is pure: no Node built-ins.' })),
      ],
      patterns: [
        {
          group: ['exceljs', 'exceljs/*', 'jszip', 'xlsx', 'xlsx-populate', '@cj-tech-master/*'],
          message: 'src/core may not import an .xlsx library; use an adapter.',
        },
        { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'src/core may not import UI code.' },
        {
          group: ['@microsoft/office-js', 'office-js', '@types/office-js'],
          message: 'src/core may not import Office.js; use the Office adapter.',
        },
        { group: ['**/adapters/**', '**/cli/**', '**/taskpane/**'], message: 'src/core may not depend on the shells or adapters.' },
        ...layerPatterns,
      ],
    },
  ];
}

const TOP = ['validate', 'usecase', 'digest', 'sample'];
/** Each group of folders and the folders above it that it may not import. */
const innerLayers = [
  {
    dirs: ['util', 'text'],
    below: ['contract', 'template', 'findings', 'model', 'snapshot', 'parse', 'count', 'effekt', 'rules', 'layout', 'forms', ...TOP],
  },
  {
    dirs: ['contract'],
    below: ['template', 'findings', 'model', 'snapshot', 'parse', 'count', 'effekt', 'rules', 'layout', 'forms', ...TOP],
  },
  { dirs: ['template'], below: ['findings', 'model', 'snapshot', 'parse', 'count', 'effekt', 'rules', 'layout', 'forms', ...TOP] },
  { dirs: ['model', 'snapshot'], below: ['parse', 'count', 'effekt', 'rules', 'layout', 'forms', ...TOP] },
  { dirs: ['findings', 'parse'], below: ['count', 'effekt', 'rules', 'layout', 'forms', ...TOP] },
  { dirs: ['count', 'effekt'], below: ['rules', 'layout', 'forms', ...TOP] },
  { dirs: ['rules'], below: ['layout', 'forms', ...TOP] },
  { dirs: ['layout'], below: ['rules', 'forms', ...TOP] },
  { dirs: ['forms'], below: ['rules', 'layout', ...TOP] },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bin/**', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': coreImports(),
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'src/core is pure: no Office.js.' },
        { name: 'Office', message: 'src/core is pure: no Office.js.' },
        { name: 'document', message: 'src/core is pure: no DOM.' },
        { name: 'window', message: 'src/core is pure: no DOM.' },
        { name: 'process', message: 'src/core is pure: pass settings in.' },
        { name: 'Buffer', message: 'src/core is pure: no Node built-ins.' },
      ],
    },
  },
  // The core's inner layers, lowest first: util and text (dates, keys, number text) → contract → template (the
  // empty contract tables) → model, snapshot → findings, parse → count (also the reallocation ledger) and effekt →
  // rules | layout → forms → validate, usecase, digest and sample. rules/ and layout/ are siblings: neither
  // imports the other.
  ...innerLayers.map(({ dirs, below }) => ({
    files: dirs.map((dir) => `src/core/${dir}/**/*.ts`),
    rules: {
      'no-restricted-imports': coreImports(
        below.map((dir) => ({
          regex: `(^|/)${dir}(/|$)`,
          message: `src/core/${dirs.join(', ')} may not import src/core/${dir}: it is a layer above (see eslint.config.mjs).`,
        })),
      ),
    },
  })),
  {
    // The Excel double is for the tests and the bench: no shell or adapter may ship it.
    files: ['src/adapters/**/*.ts', 'src/cli/**/*.ts', 'src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    ignores: ['src/adapters/office/double/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/office/double', '**/office/double/**', './double', './double/**'],
              message: 'The Excel double is for tests and the bench only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain CommonJS scripts run by Node (build helpers).
    files: ['scripts/**/*.js', 'test/support/*.js', 'webpack.config.js', 'manifest/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The ES5 check that runs in every webview before the bundle (IE11 included): a browser script.
    files: ['src/taskpane/legacy-check.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { document: 'readonly', Promise: 'readonly', Object: 'readonly', Array: 'readonly' },
    },
  },
);
