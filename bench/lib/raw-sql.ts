import { type Database, type DatabaseClient, schema } from "@lumen/db";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

/** One statement as the driver received it: its text and its parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The floor of a read (issue 17): the statements a service call sends, with its parameters,
 * sent again straight through the driver, with no application code around them (no input
 * parsing, no access helpers, no query building, no mapping of rows). `record` runs the call
 * once on a Database that keeps every statement it sends; `replay` sends them all at once —
 * on Postgres a pool of the API's size runs them side by side, so the floor does not even
 * pay the waits between the service's round trips. A read that opens a transaction is
 * replayed in order on one connection instead (its statements belong together).
 */
export interface RawSql {
  record(call: (db: Database) => Promise<unknown>): Promise<Statement[]>;
  replay(statements: readonly Statement[]): Promise<void>;
  /** One statement straight through the driver: its rows. */
  query(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

const TRANSACTION = /^\s*(begin|start transaction|commit|rollback|savepoint|release)\b/i;

export function rawSql(client: DatabaseClient, maxConnections = 10): RawSql {
  let recorded: Statement[] | null = null;
  const logger = {
    logQuery(sql: string, params: unknown[]) {
      recorded?.push({ sql, params });
    },
  };
  const casing = "snake_case" as const;
  const record = async (db: Database, call: (db: Database) => Promise<unknown>) => {
    recorded = [];
    try {
      await call(db);
      return recorded;
    } finally {
      recorded = null;
    }
  };
  const connection = client.connection;
  if (connection.driver === "pglite") {
    const pglite = connection.pglite;
    const db: Database = drizzlePglite({ client: pglite, schema, casing, logger });
    return {
      record: (call) => record(db, call),
      // One connection in one process: nothing runs side by side.
      replay: async (statements) => {
        for (const s of statements) await pglite.query(s.sql, s.params);
      },
      query: async (sql, params) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
      close: async () => undefined,
    };
  }
  const pool = new pg.Pool({ connectionString: connection.url, max: maxConnections });
  pool.on("error", () => undefined);
  const db: Database = drizzleNodePg({ client: pool, schema, casing, logger });
  return {
    record: (call) => record(db, call),
    replay: async (statements) => {
      if (statements.some((s) => TRANSACTION.test(s.sql))) {
        const conn = await pool.connect();
        try {
          for (const s of statements) await conn.query(s.sql, s.params);
        } finally {
          conn.release();
        }
        return;
      }
      await Promise.all(statements.map((s) => pool.query(s.sql, s.params)));
    },
    query: async (sql, params) => (await pool.query<Record<string, unknown>>(sql, params)).rows,
    close: () => pool.end(),
  };
}

/** The statements' first lines, for BENCH_VERBOSE. */
export const describeStatements = (statements: readonly Statement[]) =>
  statements.map((s) => `  ${s.sql.replace(/\s+/g, " ").slice(0, 160)}`).join("\n");
