import { lockModule } from "../access";
import { assertSameItems, lessonIdsInOrder, writeLessonOrder } from "./order";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

/** Puts a module's lessons in the given order; the list must be exactly its lessons. */
export async function reorderLessons({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & { input: { moduleId: string; lessonIds: string[] } }): Promise<CourseChange> {
  return db.transaction(async (tx) => {
    const { course } = await lockModule(tx, user, input.moduleId);
    assertSameItems("lessonIds", await lessonIdsInOrder(tx, input.moduleId), input.lessonIds);
    await writeLessonOrder(tx, input.moduleId, input.lessonIds);
    const updatedAt = await touchCourse(tx, outbox, course.id);
    return { courseId: course.id, updatedAt: updatedAt.toISOString() };
  });
}
