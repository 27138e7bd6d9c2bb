import { courses, type Database, enrollments, lessons, modules } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { isActiveEnrollment } from "../enrollment";
import { ForbiddenError, NotFoundError, type SessionUser, UnauthorizedError } from "../kernel";
import { isCourseInstructor, mayEditCourse } from "./edit-course";

const LESSON_NOT_FOUND = "We couldn't find that lesson.";

/**
 * Who may watch a lesson's video (and save a position in it): anyone for a free preview
 * lesson, learners enrolled in the course, and its editors, who may also watch drafts. A
 * draft course's lessons do not exist for anyone else. One query, whatever the answer; it
 * also answers with the user's active enrollment in the course (null for editors who are not
 * enrolled, and for visitors).
 */
export async function assertCanWatchLesson(
  db: Database,
  user: SessionUser | null,
  lessonId: string,
) {
  const [lesson] = await db
    .select({
      id: lessons.id,
      kind: lessons.kind,
      courseId: courses.id,
      isPreview: lessons.isPreview,
      videoAssetId: lessons.videoAssetId,
      courseStatus: courses.status,
      isInstructor: user ? isCourseInstructor(user.id) : sql<boolean>`false`,
      // The user's active enrollment in the course, if any: callers that act as the learner
      // (exercises, quizzes, assignments) need it, and it costs no extra round trip here.
      enrollmentId: user
        ? sql<string | null>`(select ${enrollments.id} from ${enrollments}
            where ${isActiveEnrollment(user.id, courses.id)})`
        : sql<string | null>`null`,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(lessons.id, lessonId));
  if (!lesson) throw new NotFoundError(LESSON_NOT_FOUND);
  const { isInstructor, courseStatus, ...found } = lesson;
  const enrolled = found.enrollmentId !== null;
  if (user && mayEditCourse(user, isInstructor)) return found;
  if (courseStatus !== "published") throw new NotFoundError(LESSON_NOT_FOUND);
  if (found.isPreview) return found;
  if (!user) throw new UnauthorizedError("Sign in to watch this lesson.");
  if (enrolled) return found;
  throw new ForbiddenError("Enroll in this course to watch this lesson.");
}
