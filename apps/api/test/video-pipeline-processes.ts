import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createDatabase, type DatabaseClient, migrate } from "@lumen/db";
import { createTestDatabase } from "@lumen/db/testing";
import { startNodeChild } from "@lumen/tools/child-server";
import { startPgliteServer } from "@lumen/tools/pglite-server";

const apiDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * A database other processes can reach by URL: a fresh database on TEST_DATABASE_URL's
 * Postgres, else an in-memory PGlite served over the Postgres protocol from this process.
 */
export async function databaseForProcesses(): Promise<DatabaseClient & { url: string }> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase();
    if (!database.url) throw new Error("createTestDatabase gave no URL for TEST_DATABASE_URL");
    return { ...database, url: database.url };
  }
  const server = await startPgliteServer({ port: 0 });
  // Two connections: migrate() holds its advisory lock on one while it migrates on another.
  const client = createDatabase({ driver: "postgres", url: server.url, maxConnections: 4 });
  await migrate(client);
  return {
    ...client,
    url: server.url,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

export interface RunnerProcess {
  child: ChildProcess;
  output(): string;
  /** `kill -9` of the runner's process group: no shutdown hook, no cleanup, no goodbye. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The real job runner entry (apps/api/src/jobs/main.ts) as a child in its own process group. */
export function startRunnerProcess(env: {
  databaseUrl: string;
  edgeUrl: string;
  /** FFmpeg's private directories go here: a killed runner cannot remove its own. */
  tmpDir: string;
}): RunnerProcess {
  const runner = startNodeChild({
    cwd: apiDir,
    args: ["--import", "tsx", "src/jobs/main.ts"],
    group: true,
    // Only what the runner needs: a developer's own settings must not leak in.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: env.tmpDir,
      LUMEN_ENV: "test",
      DATABASE_DRIVER: "postgres",
      DATABASE_URL: env.databaseUrl,
      EDGE_URL: env.edgeUrl,
      LOG_LEVEL: "info",
    },
  });
  return {
    child: runner.child,
    output: runner.output,
    kill: runner.kill,
    stop: () => runner.stop(),
  };
}

/**
 * Polls `predicate` every 100 ms until it holds; after `timeoutMs` fails naming `what`, then
 * `detail()` read at that moment (a runner's output so far, not what it had printed when the
 * wait began).
 */
export async function until(
  what: string,
  predicate: () => Promise<boolean>,
  timeoutMs: number,
  detail: () => string = () => "",
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${detail()}`.trimEnd());
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
