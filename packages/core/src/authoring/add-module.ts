import { modules } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

/** Appends a module at the end of the outline (the course lock makes "the end" well defined). */
export async function addModule({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & { input: { courseId: string; title: string } }): Promise<
  CourseChange & { moduleId: string; position: number }
> {
  return db.transaction(async (tx) => {
    await assertCanEditCourse(tx, user, input.courseId, { lock: true });
    const [created] = await tx
      .insert(modules)
      .values({
        courseId: input.courseId,
        title: input.title,
        position: sql`(select coalesce(max(${modules.position}) + 1, 0) from ${modules} where ${eq(modules.courseId, input.courseId)})`,
      })
      .returning({ id: modules.id, position: modules.position });
    if (!created) throw new Error("module insert returned nothing");
    const updatedAt = await touchCourse(tx, outbox, input.courseId);
    return {
      courseId: input.courseId,
      moduleId: created.id,
      position: created.position,
      updatedAt: updatedAt.toISOString(),
    };
  });
}
