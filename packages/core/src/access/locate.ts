import { type Database, lessons, modules } from "@lumen/db";
import { eq } from "drizzle-orm";
import { NotFoundError, type SessionUser } from "../kernel";
import { assertCanEditCourse } from "./edit-course";

const MODULE_NOT_FOUND = "We couldn't find that module.";
const LESSON_NOT_FOUND = "We couldn't find that lesson.";

/**
 * Finds a module's course, checks the user may edit it and locks it. The module is read
 * again under the lock: a concurrent edit may have deleted it in between.
 */
export async function lockModule(db: Database, user: SessionUser, moduleId: string) {
  const byId = () =>
    db
      .select({ id: modules.id, courseId: modules.courseId, position: modules.position })
      .from(modules)
      .where(eq(modules.id, moduleId))
      .then((rows) => rows[0]);
  const first = await byId();
  if (!first) throw new NotFoundError(MODULE_NOT_FOUND);
  const course = await assertCanEditCourse(db, user, first.courseId, {
    lock: true,
    notFound: MODULE_NOT_FOUND,
  });
  const mod = await byId();
  if (!mod) throw new NotFoundError(MODULE_NOT_FOUND);
  return { course, module: mod };
}

/** As lockModule, for a lesson (which may move between modules, never between courses). */
export async function lockLesson(db: Database, user: SessionUser, lessonId: string) {
  const byId = () =>
    db
      .select({
        id: lessons.id,
        moduleId: lessons.moduleId,
        kind: lessons.kind,
        position: lessons.position,
        courseId: modules.courseId,
      })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .where(eq(lessons.id, lessonId))
      .then((rows) => rows[0]);
  const first = await byId();
  if (!first) throw new NotFoundError(LESSON_NOT_FOUND);
  const course = await assertCanEditCourse(db, user, first.courseId, {
    lock: true,
    notFound: LESSON_NOT_FOUND,
  });
  const lesson = await byId();
  if (!lesson) throw new NotFoundError(LESSON_NOT_FOUND);
  return { course, lesson };
}
