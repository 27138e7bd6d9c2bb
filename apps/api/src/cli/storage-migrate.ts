/**
 * `pnpm storage:migrate`: moves certificate PDFs and lesson documents stored before ADR 0014
 * under `videos/<id>/` to their own keys. Safe to run again; needs the edge (EDGE_URL) up.
 */
import { createDatabase, databaseConfigFromEnv, migrate } from "@lumen/db";
import { loadEnvOrExit } from "../boot";
import { createMediaContext } from "../media";
import { migrateStorageKeys } from "../storage-keys";

const env = loadEnvOrExit();
const database = createDatabase(databaseConfigFromEnv(env));
try {
  await migrate(database);
  const { store } = createMediaContext(env);
  console.log(`Moving stored files to their purpose keys through ${env.EDGE_URL}…`);
  const { certificates, documents } = await migrateStorageKeys({ db: database.db, store });
  console.log(
    `Moved ${certificates.moved} certificate PDFs and ${documents.moved} lesson documents.`,
  );
  if (certificates.missing.length > 0) {
    console.warn(
      `Certificates whose PDF is at neither key (left as they are): ${certificates.missing.join(", ")}`,
    );
  }
} catch (error) {
  console.error("Storage migration failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
