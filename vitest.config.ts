import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'engine/**/*.test.ts',
      'controller/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
      'display/**/*.test.ts',
      'verifier/**/*.test.ts',
      'console/**/*.test.ts',
      'lint/**/*.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
