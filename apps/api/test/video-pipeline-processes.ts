import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createDatabase, type DatabaseClient, migrate } from "@lumen/db";
import { createTestDatabase } from "@lumen/db/testing";
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
  const child = spawn(process.execPath, ["--import", "tsx", "src/jobs/main.ts"], {
    cwd: apiDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
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
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, name);
    } catch {
      return;
    }
    await exited;
  };
  return {
    child,
    output: () => output,
    kill: () => signal("SIGKILL"),
    stop: async () => {
      const timer = setTimeout(() => void signal("SIGKILL"), 10_000);
      await signal("SIGTERM");
      clearTimeout(timer);
    },
  };
}
