// @ts-check
import js from '@eslint/js';
import svelteParser from 'svelte-eslint-parser';
import tseslint from 'typescript-eslint';
import boundary from './lint/import-boundary.js';

const engineMustStayPure = {
  patterns: [
    {
      group: ['express', 'socket.io', 'better-sqlite3', 'exceljs', 'papaparse'],
      message: 'engine/ is pure: no I/O libraries.',
    },
  ],
};

/** Who may import what (lint/import-boundary.js): the apps reach only the engine and the browser-safe contract. */
const BOUNDARIES = [
  { folder: 'engine', reach: ['engine'], label: 'engine/ (pure)' },
  { folder: 'controller/contract', reach: ['controller/contract', 'engine'], label: 'controller/contract/' },
  ...['display', 'console', 'verifier'].map((app) => ({
    folder: app,
    reach: [app, 'engine', 'controller/contract'],
    label: `${app}/`,
  })),
];

const SOURCE_FILES = ['**/*.ts', '**/*.js'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '**/dist/**', 'data/**', 'coverage/**', '.tmp/**'] },
  // The general rules are for TypeScript and JavaScript; .svelte files get only the boundary below.
  .../** @type {import('typescript-eslint').ConfigArray} */ ([
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
  ]).map((config) => ({ ...config, files: config.files ?? SOURCE_FILES })),
  {
    files: ['bin/*.js', '*.js', 'lint/*.js'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    files: SOURCE_FILES,
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'lint/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Svelte components are read for their imports only; svelte-check types them.
  {
    files: ['**/*.svelte'],
    languageOptions: { parser: svelteParser, parserOptions: { parser: tseslint.parser } },
  },
  ...BOUNDARIES.map(({ folder, reach, label }) => ({
    files: [`${folder}/**/*.ts`, `${folder}/**/*.svelte`],
    // Tests run in Node; the Vite configs run at build time.
    ignores: [`${folder}/**/*.test.ts`, `${folder}/vite.config.ts`],
    plugins: { boundary },
    rules: { 'boundary/imports': ['error', { reach, label }] },
  })),
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', engineMustStayPure],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'engine/ is pure: no process.' },
        { name: 'setTimeout', message: 'engine/ has no clock.' },
        { name: 'performance', message: 'engine/ has no clock.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'engine/ draws randomness only from its seeded stream.' },
        { object: 'Date', property: 'now', message: 'engine/ has no clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'engine/ has no clock.' },
      ],
    },
  },
);
