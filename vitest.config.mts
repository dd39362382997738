import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'build/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Two cores here: more workers only thrash.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
