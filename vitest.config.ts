import { defineConfig } from 'vitest/config';

// The integration suites run the same files twice: once on embedded PGlite, once on a real
// PostgreSQL server. Tests read LOTSE_TEST_DB to pick the database; scripts/test.mjs exports
// LOTSE_TEST_PG_URL (admin connection) and LOTSE_CHROMIUM (browser path).
const integrationFiles = ['packages/server/src/**/*.test.ts'];
const integrationExclude = ['**/*.unit.test.ts', '**/*.process.test.ts', '**/node_modules/**'];

export default defineConfig({
  test: {
    // The CI machine has 2 cores: forks isolate native modules (PGlite, argon2) and two workers keep
    // both cores busy without oversubscribing them.
    pool: 'forks',
    maxWorkers: 2,
    // Timeouts only bound a hang: they are generous because a busy machine may be several times
    // slower than a quiet one, and no test may fail for that.
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // *.process.test.ts start the server or CLI as real processes on the embedded database.
          include: [
            'packages/domain/src/**/*.test.ts',
            'packages/server/src/**/*.unit.test.ts',
            'packages/server/src/**/*.process.test.ts',
            'packages/web/src/**/*.unit.test.ts',
            'scripts/**/*.unit.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Components of the web app rendered in jsdom: the shared form parts, dialogs and formats.
          name: 'web',
          environment: 'jsdom',
          // requestAnimationFrame, which react-aria and some forms use, exists only in a "visual" jsdom.
          environmentOptions: { jsdom: { pretendToBeVisual: true } },
          include: ['packages/web/src/**/*.web.test.{ts,tsx}'],
          setupFiles: ['packages/web/src/testing/web-test.setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'pglite',
          environment: 'node',
          include: integrationFiles,
          exclude: integrationExclude,
          env: { LOTSE_TEST_DB: 'pglite' },
          globalSetup: ['packages/server/src/testing/db-template.setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          environment: 'node',
          include: integrationFiles,
          exclude: integrationExclude,
          env: { LOTSE_TEST_DB: 'postgres' },
          globalSetup: ['packages/server/src/testing/db-template.setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/template.setup.ts'],
          // expect.poll gives up after 1 s by default: far too short for a browser on a busy machine.
          // Polls end as soon as their condition holds; the test timeout still bounds a hang.
          expect: { poll: { timeout: 30_000 } },
          // Each e2e file starts its own server (on its own copy of the template) and browser, and
          // waits on one or the other most of the time: two files at once keep both cores busy.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
