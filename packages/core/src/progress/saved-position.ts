import { type Database, enrollments, lessonProgress } from "@lumen/db";
import { and, eq } from "drizzle-orm";

/**
 * Where the learner is in a lesson according to the progress path (the player's batched
 * events), for their enrollment in the lesson's course; undefined without one. An enrollment
 * is unique per (user, course) and a lesson is in one course, so there is at most one row.
 */
export async function progressPosition(db: Database, userId: string, lessonId: string) {
  const [row] = await db
    .select({
      positionSeconds: lessonProgress.positionSeconds,
      watchedSeconds: lessonProgress.watchedSeconds,
      coverage: lessonProgress.coverage,
      updatedAt: lessonProgress.updatedAt,
    })
    .from(lessonProgress)
    .innerJoin(enrollments, eq(enrollments.id, lessonProgress.enrollmentId))
    .where(and(eq(enrollments.userId, userId), eq(lessonProgress.lessonId, lessonId)));
  return row;
}
