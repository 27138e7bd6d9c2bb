/**
 * A whole Lumen stack for browser tests, owned by one test file: its own database (a new
 * Postgres database under TEST_DATABASE_URL, else an in-memory PGlite served over the wire
 * protocol), the real API as a child process, and the production build under `vite preview`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, migrate } from "@lumen/db";
import { seed } from "@lumen/db/seed";
import { createTestDatabase } from "@lumen/db/testing";
import { startPgliteServer } from "@lumen/tools/pglite-server";
import { build, type PreviewServer, preview } from "vite";
import { apiProxy } from "../vite.proxy.ts";
import { freePort, startApi } from "./processes";

const webDir = fileURLToPath(new URL("..", import.meta.url));

export interface Stack {
  webUrl: string;
  close(): Promise<void>;
}

export async function startStack(options: { courses?: number } = {}): Promise<Stack> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const outDir = await mkdtemp(join(tmpdir(), "lumen-web-e2e-"));
    cleanups.push(() => rm(outDir, { recursive: true, force: true }));
    const [database, webPort, apiPort] = await Promise.all([
      startDatabase(options.courses ?? 24).then((database) => {
        cleanups.push(database.close);
        return database;
      }),
      freePort(),
      freePort(),
      build({
        root: webDir,
        logLevel: "warn",
        build: {
          outDir,
          emptyOutDir: true,
          sourcemap: false,
          // A cold machine makes the timing advice fire; it is noise in test output.
          rolldownOptions: { checks: { bundlerTimings: false } },
        },
      }),
    ]);
    const webUrl = `http://127.0.0.1:${webPort}`;
    const api = await startApi({ port: apiPort, databaseUrl: database.url, webOrigin: webUrl });
    cleanups.push(api.stop);
    const server: PreviewServer = await preview({
      root: webDir,
      logLevel: "warn",
      build: { outDir },
      preview: { host: "127.0.0.1", port: webPort, strictPort: true, proxy: apiProxy(api.url) },
    });
    cleanups.push(() => server.close());
    return { webUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startDatabase(courses: number): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase();
    if (!database.url) throw new Error("createTestDatabase gave no URL for TEST_DATABASE_URL");
    await seed(database.db, { courses });
    return { url: database.url, close: database.close };
  }
  // PGlite lives in this process; the API reaches it over TCP like any Postgres.
  const server = await startPgliteServer({ port: 0 });
  // Two connections: migrate() holds its advisory lock on one while it migrates on another.
  const client = createDatabase({ driver: "postgres", url: server.url, maxConnections: 2 });
  try {
    await migrate(client);
    await seed(client.db, { courses });
  } finally {
    await client.close();
  }
  return server;
}
