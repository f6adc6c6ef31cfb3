import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts', 'browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
