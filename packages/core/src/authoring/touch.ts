import { courses, type Database } from "@lumen/db";
import { indexCourseJob, type Outbox } from "@lumen/jobs";
import { eq, sql } from "drizzle-orm";

/**
 * Records a content change: bumps courses.updatedAt and, when the public catalog shows the
 * course (or `catalogChanged`, e.g. it was just unpublished), enqueues re-indexing in the
 * caller's transaction, so the job exists if and only if the change does. The index handler
 * purges the edge afterwards (purging first could let the edge re-cache stale results).
 *
 * updatedAt is kept at millisecond precision (what a JSON client can echo back for the
 * optimistic check) and strictly increasing, even if two saves land in the same
 * millisecond or the clock steps back: indexing jobs compare it to skip stale work.
 */
export async function touchCourse(
  db: Database,
  outbox: Outbox,
  courseId: string,
  { catalogChanged = false } = {},
): Promise<Date> {
  const [row] = await db
    .update(courses)
    .set({
      updatedAt: sql`greatest(date_trunc('milliseconds', clock_timestamp()),
        date_trunc('milliseconds', ${courses.updatedAt}) + interval '1 millisecond')`,
    })
    .where(eq(courses.id, courseId))
    .returning({ status: courses.status, updatedAt: courses.updatedAt });
  if (!row) throw new Error(`touchCourse: course ${courseId} vanished under its row lock`);
  if (row.status === "published" || catalogChanged) {
    await outbox.enqueue(db, indexCourseJob, { courseId });
  }
  return row.updatedAt;
}
