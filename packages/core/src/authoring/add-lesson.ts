import { lessons } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { lockModule } from "../access";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

type LessonKind = (typeof lessons.$inferInsert)["kind"];

/**
 * Appends a lesson to a module. Every kind can be added now; kinds other than text get
 * their content editors with their own features.
 */
export async function addLesson({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & { input: { moduleId: string; title: string; kind: LessonKind } }): Promise<
  CourseChange & { lessonId: string; position: number }
> {
  return db.transaction(async (tx) => {
    const { course } = await lockModule(tx, user, input.moduleId);
    const [created] = await tx
      .insert(lessons)
      .values({
        moduleId: input.moduleId,
        title: input.title,
        kind: input.kind,
        position: sql`(select coalesce(max(${lessons.position}) + 1, 0) from ${lessons} where ${eq(lessons.moduleId, input.moduleId)})`,
      })
      .returning({ id: lessons.id, position: lessons.position });
    if (!created) throw new Error("lesson insert returned nothing");
    const updatedAt = await touchCourse(tx, outbox, course.id);
    return {
      courseId: course.id,
      lessonId: created.id,
      position: created.position,
      updatedAt: updatedAt.toISOString(),
    };
  });
}
