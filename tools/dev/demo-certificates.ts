import { type DatabaseClient, enrollments } from "@lumen/db";
import { issueCertificateJob, openOutbox } from "@lumen/jobs";
import { and, isNotNull, notExists, sql } from "drizzle-orm";

/**
 * The demo learners who completed a course but hold no certificate get the real issuing job
 * (signed credential, PDF, publishing to the edge), which the runner starting next works off;
 * a run stopped before it did finds them again next time. The issuing verb decides on the
 * current state, so a job for anyone not eligible any more issues nothing.
 */
export async function enqueueDemoCertificates(client: DatabaseClient): Promise<number> {
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
  if (waiting.length === 0) return 0;
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
  return waiting.length;
}
