/**
 * `pnpm analytics:rebuild`: recomputes the instructor dashboard's rollups from the source rows
 * (ADR 0024) in one transaction, then leaves the cursors where the rollup job continues.
 * Progress and quiz writes go on meanwhile; dashboard reads wait for the commit.
 *
 * What it can still rebuild once retention has dropped old months of progress events
 * (PROGRESS_EVENTS_RETENTION_MONTHS, ADR 0029): everything that comes from current state —
 * enrollments, the funnel (started, completed), viewers and stops per second of video, the
 * learners table, certificates — and everything from quiz attempts, in full; from the event
 * log, only the months still kept: plays per second of video and active learners per day and
 * week before the oldest month kept are no longer in the log, so a rebuild leaves them out
 * (the rollup job had kept them). It says from which month the log is kept.
 */
import { rebuildAnalytics } from "@lumen/core/analytics";
import { listEventPartitions } from "@lumen/core/progress";
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
  const oldest = (await listEventPartitions(database.db))[0];
  if (oldest) {
    console.log(
      `Progress events are kept from ${oldest.from.toISOString().slice(0, 7)} on: plays and ` +
        "active learners from before then cannot be rebuilt and are left out (ADR 0029).",
    );
  }
  console.log(`Rebuilding the dashboard rollups (${database.driver})…`);
  const { ms } = await rebuildAnalytics({ db: database.db });
  console.log(`Rebuilt the dashboard rollups in ${(ms / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error("Rebuild failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
