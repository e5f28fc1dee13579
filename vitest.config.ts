import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests of every package run against @tend/core's source, so no build is needed first.
    alias: {
      '@tend/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'packages/*/bench/**/*.test.ts',
    ],
    reporters: ['default', './scripts/summary-reporter.ts'],
    // Tests assert results, not speed (speed lives in `npm run bench`). On a loaded two-core CI
    // machine the fixture sweeps can exceed Vitest's 5 s default, so the limit only guards
    // against a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
