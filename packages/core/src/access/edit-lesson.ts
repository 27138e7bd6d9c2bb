import { type Database, lessons, modules } from "@lumen/db";
import { eq } from "drizzle-orm";
import { NotFoundError, type SessionUser } from "../kernel";
import { assertCanEditCourse } from "./edit-course";

const LESSON_NOT_FOUND = "We couldn't find that lesson.";

/** A lesson the user may edit, with its kind and current video. */
export async function assertCanEditLesson(db: Database, user: SessionUser, lessonId: string) {
  const [lesson] = await db
    .select({
      id: lessons.id,
      kind: lessons.kind,
      videoAssetId: lessons.videoAssetId,
      courseId: modules.courseId,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(lessons.id, lessonId));
  if (!lesson) throw new NotFoundError(LESSON_NOT_FOUND);
  await assertCanEditCourse(db, user, lesson.courseId, { notFound: LESSON_NOT_FOUND });
  return lesson;
}
