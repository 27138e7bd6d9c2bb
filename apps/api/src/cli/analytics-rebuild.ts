/**
 * `pnpm analytics:rebuild`: recomputes the instructor dashboard's rollups from the source rows
 * (ADR 0024) in one transaction, then leaves the cursors where the rollup job continues.
 * Progress and quiz writes go on meanwhile; dashboard reads wait for the commit.
 */
import { rebuildAnalytics } from "@lumen/core/analytics";
import { createDatabase, databaseConfigFromEnv, migrate } from "@lumen/db";
import { loadEnvOrExit } from "../boot";

const env = loadEnvOrExit();
if (process.argv.slice(2).some((arg) => arg !== "--")) {
  console.error("Usage: pnpm analytics:rebuild (it rebuilds every course; it takes no options)");
  process.exit(2);
}
const database = createDatabase(databaseConfigFromEnv(env));
try {
  await migrate(database);
  console.log(`Rebuilding the dashboard rollups (${database.driver})…`);
  const { ms } = await rebuildAnalytics({ db: database.db });
  console.log(`Rebuilt the dashboard rollups in ${(ms / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error("Rebuild failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
