import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The machines are shared and noisy: a quick test must not fail because another process
    // held the CPU for a few seconds. Slow tests set their own, longer limits.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
