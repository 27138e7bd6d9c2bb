import { randomBytes } from "node:crypto";
import { createDatabase, type DatabaseClient, migrate } from "@lumen/db";
import pg from "pg";

/**
 * A throwaway database for one benchmark run: a new database on the Postgres at
 * BENCH_DATABASE_URL / TEST_DATABASE_URL (dropped afterwards), else (or with `pglite`) an
 * in-memory PGlite.
 */
export async function benchDatabase({ pglite = false } = {}): Promise<{
  client: DatabaseClient;
  engine: string;
  /** Connection URL for other processes (absent for in-process PGlite). */
  url?: string;
  dispose(): Promise<void>;
}> {
  const adminUrl = pglite
    ? undefined
    : (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  if (!adminUrl) {
    const client = createDatabase({ driver: "pglite" });
    await migrate(client);
    return { client, engine: "PGlite (in-process)", dispose: () => client.close() };
  }
  const name = `lumen_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = createDatabase({ driver: "postgres", url: url.toString() });
  await migrate(client);
  return {
    client,
    engine: "PostgreSQL",
    url: url.toString(),
    dispose: async () => {
      await client.close();
      await new Promise((r) => setTimeout(r, 200));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
