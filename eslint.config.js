// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const engineMustStayPure = {
  patterns: [
    { group: ['node:*'], message: 'engine/ is pure: no Node built-ins (it also runs in the browser).' },
    {
      group: ['express', 'socket.io', 'better-sqlite3', 'fs', 'path', 'crypto', 'os', 'exceljs', 'papaparse'],
      message: 'engine/ is pure: no I/O libraries.',
    },
    { group: ['../controller/*', '../display/*', '../console/*'], message: 'engine/ imports nothing outside engine/.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '**/dist/**', 'data/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['bin/*.js', '*.js'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js'] },
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
