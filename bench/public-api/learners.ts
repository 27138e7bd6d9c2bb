import { createApiKey } from "@lumen/core/api-keys";
import { type Database, enrollments, users } from "@lumen/db";
import type { Mailbox } from "@lumen/tools/mailbox";
import { eq } from "drizzle-orm";
import { type BenchLesson, signUpLearners } from "../progress/world";
import type { ApiLearner } from "./variants";

/**
 * `count` learners signed up and enrolled over HTTP (the progress bench's path), each also
 * given a write-scoped API key through createApiKey, as the settings page makes them.
 */
export async function apiLearners(
  db: Database,
  apiUrl: string,
  mailbox: Mailbox,
  count: number,
  courseList: Array<{ id: string; lessons: BenchLesson[] }>,
): Promise<ApiLearner[]> {
  const signedUp = await signUpLearners(apiUrl, mailbox, count, courseList);
  const learners: ApiLearner[] = [];
  for (const learner of signedUp) {
    const [row] = await db
      .select({
        courseId: enrollments.courseId,
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
      })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(eq(enrollments.id, learner.enrollmentId));
    const lesson = learner.lessons.find((l) => l.kind === "video");
    if (!row || !lesson) throw new Error("bench learner without enrollment or video lesson");
    const { courseId, ...user } = row;
    const { token } = await createApiKey({
      db,
      user,
      input: { name: "bench", scope: "write", expiresInDays: 1 },
    });
    learners.push({
      cookie: learner.cookie,
      token,
      courseId,
      enrollmentId: learner.enrollmentId,
      lessonId: lesson.id,
    });
  }
  return learners;
}
