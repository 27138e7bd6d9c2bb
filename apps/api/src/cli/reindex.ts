/**
 * `pnpm search:reindex`: rebuilds the search index (whichever backend the environment
 * selects) from Postgres, the source of truth, printing progress and throughput.
 */
import { createDatabase, databaseConfigFromEnv, migrate } from "@lumen/db";
import { createSearchBackend } from "@lumen/search";
import { loadEnvOrExit } from "../boot";

const env = loadEnvOrExit();
const database = createDatabase(databaseConfigFromEnv(env));
try {
  await migrate(database);
  const search = createSearchBackend(database.db, env);
  console.log(`Reindexing courses into ${search.name} (${database.driver})…`);
  const started = performance.now();
  let lastPrinted = 0;
  const { indexed, ms } = await search.reindexAll((done, total) => {
    const now = performance.now();
    if (done < total && now - lastPrinted < 1_000) return;
    lastPrinted = now;
    const rate = Math.round(done / ((now - started) / 1000));
    const percent = total ? Math.round((done / total) * 100) : 100;
    console.log(`  ${done}/${total} courses (${percent}%), ${rate} courses/s`);
  });
  const rate = Math.round(indexed / (ms / 1000));
  console.log(`Indexed ${indexed} courses in ${(ms / 1000).toFixed(1)} s (${rate} courses/s).`);
} catch (error) {
  console.error("Reindex failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
