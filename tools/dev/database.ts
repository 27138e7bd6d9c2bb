import { rebuildAnalytics } from "@lumen/core/analytics";
import { createDatabase, migrate } from "@lumen/db";
import { type SeedResult, seed, seedDemoActivity } from "@lumen/db/seed";
import { createPostgresSearch, DEFAULT_RATING_MIN_COUNT } from "@lumen/search";
import { enqueueDemoCertificates } from "./demo-certificates";

/**
 * Brings the database to the current schema with demo data, once, before the API and the
 * job runner start. They migrate at boot too, but against PGlite the advisory lock that
 * would serialize them does not exclude anyone (ADR 0002), so they must find nothing to do.
 */
export async function prepareDatabase(url: string): Promise<SeedResult> {
  const client = createDatabase({ driver: "postgres", url, maxConnections: 4 });
  try {
    await migrate(client);
    const seeded = await seed(client.db);
    const activity = await seedDemoActivity(client.db, "seed-instructor");
    // Seeding writes rows, not indexing jobs: build the index here (Postgres full-text, as
    // `pnpm dev` always uses; ~600 courses take well under a second).
    await createPostgresSearch({
      db: client.db,
      minRatingCount: DEFAULT_RATING_MIN_COUNT,
    }).reindexAll();
    // The seed writes source rows, not rollups: compute the dashboard's tables from them once
    // (the runner's rollup job keeps them current from here, certificates included).
    if (activity.created) await rebuildAnalytics({ db: client.db });
    await enqueueDemoCertificates(client);
    return {
      usersCreated: seeded.usersCreated + activity.learners,
      coursesCreated: seeded.coursesCreated + (activity.created ? 1 : 0),
    };
  } finally {
    await client.close();
  }
}
