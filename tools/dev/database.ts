import { createDatabase, enrollments, migrate } from "@lumen/db";
import { type SeedResult, seed, seedDemoActivity } from "@lumen/db/seed";
import { issueCertificateJob, openOutbox } from "@lumen/jobs";
import { createPostgresSearch } from "@lumen/search";
import { and, isNotNull, notExists, sql } from "drizzle-orm";

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
    await createPostgresSearch({ db: client.db }).reindexAll();
    await enqueueDemoCertificates(client);
    return {
      usersCreated: seeded.usersCreated + activity.learners,
      coursesCreated: seeded.coursesCreated + (activity.created ? 1 : 0),
    };
  } finally {
    await client.close();
  }
}

/**
 * The demo learners who completed a course but hold no certificate get the real issuing job
 * (signed credential, PDF, publishing to the edge), which the runner starting next works off;
 * a run stopped before it did finds them again next time. The issuing verb decides on the
 * current state, so a job for anyone not eligible any more issues nothing.
 */
async function enqueueDemoCertificates(client: ReturnType<typeof createDatabase>) {
  const waiting = await client.db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        isNotNull(enrollments.completedAt),
        sql`${enrollments.userId} like 'seed-demo-learner-%'`,
        notExists(sql`(select 1 from certificates c where c.enrollment_id = ${enrollments.id})`),
      ),
    );
  if (waiting.length === 0) return;
  const outbox = await openOutbox(client.connection);
  try {
    await client.db.transaction(async (tx) => {
      for (const { id } of waiting) {
        await outbox.enqueue(tx, issueCertificateJob, { enrollmentId: id }, { singletonKey: id });
      }
    });
  } finally {
    await outbox.close();
  }
}
