import { defineConfig } from 'vitest/config';

// One run over every package: each project keeps its own settings.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tests/vitest.config.ts'],
  },
});
