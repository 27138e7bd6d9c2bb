import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import {
  Pool as NeonPool,
  type PoolClient as NeonPoolClient,
  neonConfig,
} from "@neondatabase/serverless";
import type { Assume, ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import ws from "ws";
import * as schema from "./schema";

export type Schema = typeof schema;

/** Extensions the migrations create; every PGlite we open must have them loaded. */
export const PGLITE_EXTENSIONS = { pg_trgm };
/** What `db.execute()` resolves to: every driver we use answers raw SQL with `{ rows }`. */
export interface QueryRows<Row> {
  rows: Row[];
}
export interface QueryRowsHKT extends PgQueryResultHKT {
  type: QueryRows<Assume<this["row"], Record<string, unknown>>>;
}
/** The driver-independent database handle every service takes. */
export type Database = PgDatabase<QueryRowsHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseConfig =
  /**
   * Embedded Postgres in this process; `dataDir` omitted means in memory. `loadDataDir`
   * starts it from a dump (`dumpDataDir()`), as tests do from a migrated template.
   */
  | { driver: "pglite"; dataDir?: string | undefined; loadDataDir?: Blob | undefined }
  /** Any Postgres reachable over TCP (node-postgres pool). */
  | {
      driver: "postgres";
      url: string;
      maxConnections?: number | undefined;
      onError?: PoolErrorHandler;
    }
  /**
   * Neon's serverless driver (Postgres over WebSocket). `wsProxy` points it at a
   * WebSocket-to-TCP proxy ("host:port") for a plain Postgres, as in tests and dev.
   */
  | { driver: "neon"; url: string; wsProxy?: string | undefined; onError?: PoolErrorHandler };

/** Called when an idle pooled connection dies (server restart, failover); the pool replaces it. */
export type PoolErrorHandler = (error: Error) => void;
const logPoolError: PoolErrorHandler = (error) =>
  console.error(
    JSON.stringify({ level: "error", msg: "idle database connection failed", err: error.message }),
  );

/** How to reach the same database from other libraries (the job queue opens its own pool). */
export type DatabaseConnection =
  | { driver: "pglite"; pglite: PGlite }
  | { driver: "postgres" | "neon"; url: string };

export interface DatabaseClient {
  db: Database;
  driver: DatabaseConfig["driver"];
  connection: DatabaseConnection;
  /**
   * Runs `fn` on one dedicated connection while it holds a session-level advisory lock.
   * `fn` gets a handle bound to that connection, so it works even with a one-connection pool.
   */
  withAdvisoryLock<T>(lockId: number, fn: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How drizzle names columns; a dialect rendering SQL outside a handle must use the same. */
export const casing = "snake_case" as const;

export function createDatabase(config: DatabaseConfig): DatabaseClient {
  switch (config.driver) {
    case "pglite": {
      const client = new PGlite({
        ...(config.dataDir ? { dataDir: config.dataDir } : {}),
        ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
        extensions: PGLITE_EXTENSIONS,
      });
      const db = drizzlePglite({ client, schema, casing });
      return {
        db,
        driver: "pglite",
        connection: { driver: "pglite", pglite: client },
        // One connection in one process: there is nobody to race with.
        withAdvisoryLock: (_lockId, fn) => fn(db),
        close: () => client.close(),
      };
    }
    case "postgres": {
      const pool = new pg.Pool({ connectionString: config.url, max: config.maxConnections ?? 10 });
      // Without a listener an idle client's error would crash the whole process.
      pool.on("error", config.onError ?? logPoolError);
      return {
        db: drizzleNodePg({ client: pool, schema, casing }),
        driver: "postgres",
        connection: { driver: "postgres", url: config.url },
        withAdvisoryLock: (lockId, fn) =>
          withPoolLock(pool, lockId, (conn: pg.PoolClient) =>
            fn(drizzleNodePg({ client: conn, schema, casing })),
          ),
        close: () => pool.end(),
      };
    }
    case "neon": {
      neonConfig.webSocketConstructor = ws;
      if (config.wsProxy) {
        // NEON_WS_PROXY is documented as "ws://host:port"; the driver adds the scheme itself.
        const proxy = config.wsProxy.replace(/^ws:\/\//, "");
        neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
        neonConfig.useSecureWebSocket = false;
        neonConfig.pipelineTLS = false;
        neonConfig.pipelineConnect = false;
      }
      const pool = new NeonPool({ connectionString: config.url });
      pool.on("error", config.onError ?? logPoolError);
      return {
        db: drizzleNeon({ client: pool, schema, casing }),
        driver: "neon",
        connection: { driver: "neon", url: config.url },
        withAdvisoryLock: (lockId, fn) =>
          withPoolLock(pool, lockId, (conn: NeonPoolClient) =>
            fn(drizzleNeon({ client: conn, schema, casing })),
          ),
        close: () => pool.end(),
      };
    }
  }
}

interface LockableConnection {
  query(q: string, v: unknown[]): Promise<unknown>;
  release(): void;
}

async function withPoolLock<C extends LockableConnection, T>(
  pool: { connect(): Promise<C> },
  lockId: number,
  fn: (conn: C) => Promise<T>,
) {
  const conn = await pool.connect();
  try {
    await conn.query("select pg_advisory_lock($1)", [lockId]);
    try {
      return await fn(conn);
    } finally {
      await conn.query("select pg_advisory_unlock($1)", [lockId]);
    }
  } finally {
    conn.release();
  }
}
