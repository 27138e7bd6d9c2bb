import { modules } from "@lumen/db";
import { eq } from "drizzle-orm";
import { lockModule } from "../access";
import { moduleIdsInOrder, writeModuleOrder } from "./order";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

/** Deletes a module with its lessons (FK cascade) and closes the gap in the positions. */
export async function deleteModule({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & { input: { moduleId: string } }): Promise<CourseChange> {
  return db.transaction(async (tx) => {
    const { course } = await lockModule(tx, user, input.moduleId);
    await tx.delete(modules).where(eq(modules.id, input.moduleId));
    await writeModuleOrder(tx, await moduleIdsInOrder(tx, course.id));
    const updatedAt = await touchCourse(tx, outbox, course.id);
    return { courseId: course.id, updatedAt: updatedAt.toISOString() };
  });
}
