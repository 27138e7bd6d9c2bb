import { courses, type Database, enrollments, lessons, modules } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { isActiveEnrollment } from "../enrollment";
import { ForbiddenError, NotFoundError, type SessionUser, UnauthorizedError } from "../kernel";
import { isCourseInstructor, mayEditCourse } from "./edit-course";

const LESSON_NOT_FOUND = "We couldn't find that lesson.";

/**
 * The access query, prepared once per database handle: every lesson page, player, quiz,
 * exercise and assignment call starts with it, and a named statement is planned once per
 * connection instead of on every call. A visitor's empty user id matches nothing.
 */
const prepared = new WeakMap<Database, ReturnType<typeof prepareWatchQuery>>();

function watchQuery(db: Database) {
  let query = prepared.get(db);
  if (!query) {
    query = prepareWatchQuery(db);
    prepared.set(db, query);
  }
  return query;
}

function prepareWatchQuery(db: Database) {
  const userId = sql.placeholder("userId");
  return db
    .select({
      id: lessons.id,
      kind: lessons.kind,
      courseId: courses.id,
      isPreview: lessons.isPreview,
      videoAssetId: lessons.videoAssetId,
      courseStatus: courses.status,
      isInstructor: isCourseInstructor(userId),
      // The user's active enrollment in the course, if any: callers that act as the learner
      // (exercises, quizzes, assignments) need it, and it costs no extra round trip here.
      enrollmentId: sql<string | null>`(select ${enrollments.id} from ${enrollments}
        where ${isActiveEnrollment(userId, courses.id)})`,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(lessons.id, sql.placeholder("lessonId")))
    .prepare("lumen_watch_lesson");
}

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
  const [lesson] = await watchQuery(db).execute({ lessonId, userId: user?.id ?? "" });
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
