import { assertCanEditCourse } from "../access";
import { assertSameItems, moduleIdsInOrder, writeModuleOrder } from "./order";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

/**
 * Puts the course's modules in the given order. The list must be exactly the course's
 * modules, read under the course lock, so two concurrent reorders apply one after the other
 * and the result is always one of them, never a mix.
 */
export async function reorderModules({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & { input: { courseId: string; moduleIds: string[] } }): Promise<CourseChange> {
  return db.transaction(async (tx) => {
    await assertCanEditCourse(tx, user, input.courseId, { lock: true });
    assertSameItems("moduleIds", await moduleIdsInOrder(tx, input.courseId), input.moduleIds);
    await writeModuleOrder(tx, input.moduleIds);
    const updatedAt = await touchCourse(tx, outbox, input.courseId);
    return { courseId: input.courseId, updatedAt: updatedAt.toISOString() };
  });
}
