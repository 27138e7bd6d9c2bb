import { fileURLToPath } from "node:url";

/**
 * Vitest settings of the packages whose tests run against a database (core, search, trpc,
 * the API). Files are not isolated: each worker imports the routers, services and drizzle
 * schema once instead of once per file (that import was ~2 s a file, 80 s of trpc's 200 s).
 * The 60 s test timeout is headroom for CI's loaded 2-core machine (three passes, Postgres,
 * PGlite and browsers at once), where tests that take 2 s alone have taken over 30 s.
 * These tests share no module state they change (no module mocks; fake timers and spies are
 * restored after each test) but the fixtures' counters (packages/db/src/testing), which
 * carry over from the files a worker ran before: they only make default titles unique, so a
 * test that compares such a value (a golden file) sets it itself. Each file still gets its own
 * database, copied from a migrated template that the global setup builds once before the
 * workers start.
 */
export const databaseTestOptions = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  isolate: false,
  globalSetup: [
    fileURLToPath(new URL("./packages/db/src/testing/global-setup.ts", import.meta.url)),
  ],
};
