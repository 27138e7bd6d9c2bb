/**
 * A whole Lumen stack for browser tests, owned by one test file: its own database (a new
 * Postgres database under TEST_DATABASE_URL, else an in-memory PGlite served over the wire
 * protocol), the real API and job runner as child processes, the production build under
 * `vite preview` and, on request, the edge Worker under `wrangler dev` (local R2) for video.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, type Database, migrate } from "@lumen/db";
import { type SeedUser, seed } from "@lumen/db/seed";
import { createTestDatabase } from "@lumen/db/testing";
import { createPostgresSearch, DEFAULT_RATING_MIN_COUNT } from "@lumen/search";
import { freePort } from "@lumen/tools/net";
import { startPgliteServer } from "@lumen/tools/pglite-server";
import { startWranglerDev } from "@lumen/tools/wrangler-dev";
import { build, type PreviewServer, preview } from "vite";
import { productionHeaders } from "../csp.ts";
import { apiProxy } from "../vite.proxy.ts";
import { startApi, startJobRunner } from "./processes";

const webDir = fileURLToPath(new URL("..", import.meta.url));

export interface Stack {
  webUrl: string;
  /**
   * With `secondApi: true`: a second API process on the same database, behind its own
   * `vite preview` (its own origin), for tests that span two API processes.
   */
  secondWebUrl: string | null;
  /** The edge Worker, when started with `edge: true`. */
  edgeUrl: string | null;
  /** The stack's database, for a test that runs a job itself (the analytics rollup). */
  databaseUrl: string;
  /** Recent output of the API and the job runner, for failure messages. */
  logs(): string;
  close(): Promise<void>;
}

/** The environment variable naming a production build shared by every stack of a run. */
export const PREBUILT_WEB_ENV = "LUMEN_E2E_WEB_BUILD";

/**
 * The production build of the app into `outDir`, as `vite build` makes it, plus the UI
 * gallery (ui-gallery.html) as a second page, so components no route uses yet (the code
 * editor) are tested as built, under the production CSP; and a manifest, for tests of what
 * each page loads up front.
 */
export async function buildWeb(outDir: string): Promise<void> {
  // Vite builds for the NODE_ENV it finds, and vitest sets "test": without this the browser
  // tests would run development React (its checks, its size), not what learners get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await buildProduction(outDir);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function buildProduction(outDir: string): Promise<void> {
  await build({
    root: webDir,
    logLevel: "warn",
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      manifest: true,
      rolldownOptions: {
        input: { index: join(webDir, "index.html"), gallery: join(webDir, "ui-gallery.html") },
        // A cold machine makes the timing advice fire; it is noise in test output.
        checks: { bundlerTimings: false },
      },
      // hls.js is one large chunk, loaded only by the player; the warning is noise here.
      chunkSizeWarningLimit: 1024,
    },
  });
}

/** The stack's one deadline: a cold API start (tsx) on CI's loaded machine has passed 110 s. */
const STACK_READY_MS = 180_000;

export async function startStack(
  options: {
    courses?: number;
    edge?: boolean;
    users?: ReadonlyArray<SeedUser>;
    secondApi?: boolean;
    /** A test's own SMTP server (`@lumen/tools/mailbox`), to read the mails the API sends. */
    smtpUrl?: string;
    /** `false`: no job runner (a page-load bench needs none, and a busy machine starts faster). */
    jobs?: boolean;
  } = {},
): Promise<Stack> {
  // Within the e2e hookTimeout (120 s, vitest.config.ts): a slow start fails with the
  // processes' output rather than vitest's bare "hook timed out".
  const readyBy = Date.now() + STACK_READY_MS;
  const cleanups: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    // The e2e project builds the app once for all its files (build-once.ts); a script run
    // outside it builds its own.
    let outDir = process.env[PREBUILT_WEB_ENV];
    let building: Promise<unknown> = Promise.resolve();
    if (!outDir) {
      const own = await mkdtemp(join(tmpdir(), "lumen-web-e2e-"));
      cleanups.push(() => rm(own, { recursive: true, force: true }));
      building = buildWeb(own);
      outDir = own;
    }
    const apiPort = await freePort();
    const [database, webPort, edge] = await Promise.all([
      startDatabase(options.courses ?? 24, options.users ?? []).then((database) => {
        cleanups.push(database.close);
        return database;
      }),
      freePort(),
      // Uploads and playback go browser → edge; the job runner stores renditions through it.
      options.edge
        ? startWranglerDev({ ORIGIN_API_URL: `http://127.0.0.1:${apiPort}` }).then((edge) => {
            cleanups.push(edge.stop);
            return edge;
          })
        : null,
      building,
    ]);
    const webUrl = `http://127.0.0.1:${webPort}`;
    const processOptions = {
      port: apiPort,
      databaseUrl: database.url,
      webOrigin: webUrl,
      edgeUrl: edge?.url,
      smtpUrl: options.smtpUrl,
      readyBy,
    };
    // Side by side: both migrate at start-up, under an advisory lock, and the database is
    // migrated already, so neither waits on the other (4–5 s each here).
    // Both settle before a failure is thrown, so the close below stops the one that did start.
    const [apiStart, jobsStart] = await Promise.allSettled([
      startApi(processOptions).then((api) => {
        cleanups.push(api.stop);
        return api;
      }),
      options.jobs === false
        ? null
        : startJobRunner(processOptions).then((jobs) => {
            cleanups.push(jobs.stop);
            return jobs;
          }),
    ]);
    if (apiStart.status === "rejected") throw apiStart.reason;
    if (jobsStart.status === "rejected") throw jobsStart.reason;
    const [api, jobs] = [apiStart.value, jobsStart.value];
    const serveWeb = async (port: number, apiUrl: string) => {
      const server: PreviewServer = await preview({
        root: webDir,
        logLevel: "warn",
        build: { outDir },
        preview: {
          host: "127.0.0.1",
          port,
          strictPort: true,
          proxy: apiProxy(apiUrl),
          // The production CSP, naming this stack's edge: every browser test runs under it.
          headers: productionHeaders({ edgeUrl: edge?.url ?? "http://127.0.0.1:8787" }),
        },
      });
      cleanups.push(() => server.close());
    };
    await serveWeb(webPort, api.url);
    let secondWebUrl: string | null = null;
    let second: Awaited<ReturnType<typeof startApi>> | null = null;
    if (options.secondApi) {
      const [port, secondWebPort] = [await freePort(), await freePort()];
      secondWebUrl = `http://127.0.0.1:${secondWebPort}`;
      second = await startApi({ ...processOptions, port, webOrigin: secondWebUrl });
      cleanups.push(second.stop);
      await serveWeb(secondWebPort, second.url);
    }
    const logs = () =>
      [
        `--- api ---\n${api.output()}`,
        ...(second ? [`--- second api ---\n${second.output()}`] : []),
        ...(jobs ? [`--- jobs ---\n${jobs.output()}`] : []),
        `--- database ---\n${database.log()}`,
      ].join("\n");
    return {
      webUrl,
      secondWebUrl,
      edgeUrl: edge?.url ?? null,
      databaseUrl: database.url,
      logs,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

interface TestDatabase {
  url: string;
  /** What the embedded database's server had to say (e.g. a connection waiting too long). */
  log: () => string;
  close(): Promise<void>;
}

async function startDatabase(
  courses: number,
  users: ReadonlyArray<SeedUser>,
): Promise<TestDatabase> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase();
    if (!database.url) throw new Error("createTestDatabase gave no URL for TEST_DATABASE_URL");
    await seedAndIndex(database.db, courses, users);
    return { url: database.url, log: () => "", close: database.close };
  }
  // PGlite lives in this process; the API reaches it over TCP like any Postgres.
  let log = "";
  const server = await startPgliteServer({
    port: 0,
    log: (message) => {
      log = `${log}${message}\n`.slice(-4000);
    },
  });
  // Two connections: migrate() holds its advisory lock on one while it migrates on another.
  const client = createDatabase({ driver: "postgres", url: server.url, maxConnections: 2 });
  try {
    await migrate(client);
    await seedAndIndex(client.db, courses, users);
  } finally {
    await client.close();
  }
  return { url: server.url, log: () => log, close: server.close };
}

/** The seed writes courses only; the search index is derived data, built as `search:reindex` does. */
async function seedAndIndex(db: Database, courses: number, users: ReadonlyArray<SeedUser>) {
  await seed(db, { courses, extraUsers: users });
  await createPostgresSearch({ db, minRatingCount: DEFAULT_RATING_MIN_COUNT }).reindexAll();
}
