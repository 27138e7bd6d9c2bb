import { courses } from "@lumen/db";
import { indexCourseJob, type Outbox } from "@lumen/jobs";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "../kernel";

/**
 * Recomputes the course's rating average and count from its visible ratings, in the
 * caller's transaction, which holds the course row lock taken before it changed any rating
 * (openRatedCourse with `lock`): so the count includes every rating committed before, and a
 * concurrent writer waits and recomputes after. Exact by construction — it never adds to a
 * stored counter — and the indexing job (enqueued here, committed with the change) carries
 * it to search and the edge purge (reindex → purge, ADR 0003/0005).
 */
export async function recomputeCourseRating(
  tx: Transaction,
  outbox: Outbox,
  courseId: string,
): Promise<{ ratingAverage: number; ratingCount: number }> {
  const [row] = await tx
    .update(courses)
    .set({
      ratingCount: sql`(select count(*)::int from course_ratings r
        where r.course_id = ${courseId} and not r.hidden)`,
      ratingAverage: sql`(select coalesce(avg(r.stars), 0)::real from course_ratings r
        where r.course_id = ${courseId} and not r.hidden)`,
    })
    .where(eq(courses.id, courseId))
    .returning({
      status: courses.status,
      ratingAverage: courses.ratingAverage,
      ratingCount: courses.ratingCount,
    });
  if (!row) throw new Error(`recomputeCourseRating: course ${courseId} vanished under its lock`);
  if (row.status === "published") await outbox.enqueue(tx, indexCourseJob, { courseId });
  return { ratingAverage: row.ratingAverage, ratingCount: row.ratingCount };
}
