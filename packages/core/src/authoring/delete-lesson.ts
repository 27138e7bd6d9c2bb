import { lessons } from "@lumen/db";
import { eq } from "drizzle-orm";
import { lockLesson } from "../access";
import { lessonIdsInOrder, writeLessonOrder } from "./order";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

/** Deletes a lesson and closes the gap in its module's positions. */
export async function deleteLesson({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & { input: { lessonId: string } }): Promise<CourseChange> {
  return db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, user, input.lessonId);
    await tx.delete(lessons).where(eq(lessons.id, input.lessonId));
    await writeLessonOrder(tx, lesson.moduleId, await lessonIdsInOrder(tx, lesson.moduleId));
    const updatedAt = await touchCourse(tx, outbox, course.id);
    return { courseId: course.id, updatedAt: updatedAt.toISOString() };
  });
}
