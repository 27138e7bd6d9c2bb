import { fileURLToPath } from "node:url";
import type { NeonDatabase } from "drizzle-orm/neon-serverless";
import { migrate as migrateNeon } from "drizzle-orm/neon-serverless/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseClient, Schema } from "./client";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

// Arbitrary constant: serializes migrations when several API/job processes boot at once.
const MIGRATION_LOCK_ID = 7_358_001;

/**
 * Applies the committed migrations that have not run yet; a second run is a no-op
 * (drizzle records applied ones in `drizzle.__drizzle_migrations`). A test of a data
 * migration may pass a folder holding only the migrations before it.
 */
export async function migrate(
  client: DatabaseClient,
  options: { migrationsFolder?: string } = {},
): Promise<void> {
  try {
    await migrateOnce(client, options);
  } catch (first) {
    // Behind the embedded default's wire server every client shares one Postgres session, so
    // the advisory lock excludes nobody (ADR 0002): two processes booting at once can both
    // read "nothing applied" before either applies, and the second's migration transaction
    // then fails on the first object that exists, rolled back whole. Run again, it reads what
    // the first applied and has nothing left to do. On Postgres the lock makes this
    // unreachable, and a migration that really fails fails again.
    try {
      await migrateOnce(client, options);
    } catch {
      throw first;
    }
  }
}

async function migrateOnce(
  client: DatabaseClient,
  options: { migrationsFolder?: string },
): Promise<void> {
  const config = { migrationsFolder: options.migrationsFolder ?? migrationsFolder };
  await client.withAdvisoryLock(MIGRATION_LOCK_ID, async (db) => {
    // The handle was built by createDatabase for exactly this driver, on the locked connection.
    switch (client.driver) {
      case "pglite":
        return migratePglite(db as PgliteDatabase<Schema>, config);
      case "postgres":
        return migrateNodePg(db as NodePgDatabase<Schema>, config);
      case "neon":
        return migrateNeon(db as NeonDatabase<Schema>, config);
    }
  });
}
