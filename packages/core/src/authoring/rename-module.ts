import { modules } from "@lumen/db";
import { eq } from "drizzle-orm";
import { lockModule } from "../access";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

export async function renameModule({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & { input: { moduleId: string; title: string } }): Promise<CourseChange> {
  return db.transaction(async (tx) => {
    const { course } = await lockModule(tx, user, input.moduleId);
    await tx
      .update(modules)
      .set({ title: input.title, updatedAt: new Date() })
      .where(eq(modules.id, input.moduleId));
    const updatedAt = await touchCourse(tx, outbox, course.id);
    return { courseId: course.id, updatedAt: updatedAt.toISOString() };
  });
}
