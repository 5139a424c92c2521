import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests replay 100k-command streams on two books; give them room on a shared 2-core box.
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
