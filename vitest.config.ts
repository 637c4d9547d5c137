import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Dates are computed in local time in a few places (the default as-of is "today"),
// so tests pin a zone that is not UTC to catch code that silently assumes UTC.
process.env.TZ = 'Europe/Moscow';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { TZ: 'Europe/Moscow', NO_COLOR: '', FORCE_COLOR: '' },
    reporters: ['default', ['json', { outputFile: '.ci/results/vitest.json' }]],
    testTimeout: 30_000,
    // vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine,
    // where the CLI tests (in-process) and the thread tests leave the second core half idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
