import { type Database, modules } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { lockLesson } from "../access";
import { ValidationError } from "../kernel";
import { lessonIdsInOrder, writeLessonOrder } from "./order";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

/**
 * Moves a lesson to a slot of a module of the same course (the keyboard "move to module…"
 * and cross-module drag). A position past the end puts it last. Both modules end up with
 * positions 0..n-1.
 */
export async function moveLesson({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & {
  input: { lessonId: string; toModuleId: string; position: number };
}): Promise<CourseChange & { moduleId: string; position: number }> {
  return db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, user, input.lessonId);
    await assertModuleOfCourse(tx, input.toModuleId, course.id);
    const target = (await lessonIdsInOrder(tx, input.toModuleId)).filter((id) => id !== lesson.id);
    const position = Math.min(input.position, target.length);
    target.splice(position, 0, lesson.id);
    await writeLessonOrder(tx, input.toModuleId, target);
    if (lesson.moduleId !== input.toModuleId) {
      await writeLessonOrder(tx, lesson.moduleId, await lessonIdsInOrder(tx, lesson.moduleId));
    }
    const updatedAt = await touchCourse(tx, outbox, course.id);
    return {
      courseId: course.id,
      moduleId: input.toModuleId,
      position,
      updatedAt: updatedAt.toISOString(),
    };
  });
}

/** Same message whether the module is elsewhere or nowhere: it tells nothing about others' courses. */
async function assertModuleOfCourse(db: Database, moduleId: string, courseId: string) {
  const [found] = await db
    .select({ id: modules.id })
    .from(modules)
    .where(and(eq(modules.id, moduleId), eq(modules.courseId, courseId)));
  if (!found) {
    const message = "A lesson can only move to a module of the same course.";
    throw new ValidationError(message, { toModuleId: [message] });
  }
}
