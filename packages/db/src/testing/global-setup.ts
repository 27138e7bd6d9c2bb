import { migratedPgliteDump, migratedPostgresTemplate } from "./template";

/**
 * Vitest global setup of the database test passes (vitest.database.ts): builds the migrated
 * template once, in the main process, before any worker starts. Otherwise the first file of
 * each worker builds it inside its own beforeAll, under that hook's timeout, while the other
 * workers wait for it — on CI's loaded 2-core machine a PGlite file's hook once took over 60 s.
 */
export default async function setup() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) await migratedPostgresTemplate(adminUrl);
  else await migratedPgliteDump();
}
