import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { hangTimeoutMs } from './test/helpers/timeouts.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/helpers/backend-reporter.ts'],
    // Files run side by side, at least two at once: most of the suite's time is spent waiting on child processes,
    // PostgreSQL and Chromium, and Vitest's default (one worker fewer than the cores) ran them one by one here.
    maxWorkers: Math.max(2, availableParallelism()),
    // Hang guards only, never a measure of speed: on a loaded 2-core machine a real CLI or PostgreSQL test can take
    // minutes, and a test that fails because the machine was busy is a flaky test (test/helpers/timeouts.ts).
    testTimeout: hangTimeoutMs,
    hookTimeout: hangTimeoutMs,
    env: { TZ: 'UTC' },
  },
});
