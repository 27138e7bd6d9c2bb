/**
 * Embedded Postgres for development: a persistent PGlite served over the Postgres protocol,
 * so the API and the job runner use their real node-postgres driver path against it.
 *
 *   pnpm tsx tools/pglite-server.ts [--port 54329] [--data-dir .data/pglite]
 *
 * serves the database until Ctrl-C. `pnpm dev` runs the same server inside its own process.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "@lumen/db";
import { acquireDataDirLock } from "./pglite/data-dir-lock";
import { PgliteWireServer } from "./pglite/server";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
export const DEFAULT_DATA_DIR = resolve(repoRoot, ".data/pglite");
export const DEFAULT_PORT = 54_329;

export interface PgliteServerOptions {
  /** Directory of the persistent database; `undefined` keeps it in memory (tests). */
  dataDir?: string | undefined;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  maxConnections?: number;
  log?: (message: string) => void;
}

export interface RunningPgliteServer {
  /** A postgres:// URL any driver can use (user and password are ignored by PGlite). */
  url: string;
  port: number;
  /** Disconnects clients, then closes PGlite so everything written is on disk. */
  close(): Promise<void>;
}

export async function startPgliteServer(
  options: PgliteServerOptions = {},
): Promise<RunningPgliteServer> {
  const host = options.host ?? "127.0.0.1";
  const { dataDir } = options;
  // Two PGlite instances on one directory corrupt it; refuse before opening anything.
  const releaseLock = dataDir ? await acquireDataDirLock(dataDir) : async () => {};
  let db: PGlite | undefined;
  try {
    if (dataDir) await mkdir(dirname(dataDir), { recursive: true });
    db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: PGLITE_EXTENSIONS });
    const server = new PgliteWireServer({
      db,
      host,
      port: options.port ?? DEFAULT_PORT,
      maxConnections: options.maxConnections ?? 64,
      log: options.log,
    });
    const port = await server.listen();
    const opened = db;
    return {
      url: `postgres://postgres:postgres@${host}:${port}/postgres`,
      port,
      close: async () => {
        try {
          await server.close();
          await opened.close();
        } finally {
          await releaseLock();
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    await releaseLock();
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: String(DEFAULT_PORT) },
      "data-dir": { type: "string", default: DEFAULT_DATA_DIR },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a port number, got ${values.port}`);
    process.exit(1);
  }
  const dataDir = resolve(values["data-dir"]);
  const server = await startPgliteServer({
    dataDir,
    port,
    log: (message) => console.warn(`[pglite] ${message}`),
  });
  console.log(`PGlite (${dataDir}) at ${server.url}`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
