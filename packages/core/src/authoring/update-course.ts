import { courses, type Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { eq } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { ConflictError, type SessionUser } from "../kernel";
import type { UpdateCourseInput } from "./course-inputs";
import { claimUniqueSlug, isUniqueViolation } from "./slug";
import { touchCourse } from "./touch";

/**
 * Saves the course's fields, refusing if anyone saved since the editor loaded it
 * (`expectedUpdatedAt`, checked under the row lock). A course that was never published
 * takes a new slug when its title changes; once published its URL is public and frozen.
 */
export async function updateCourse({
  db,
  outbox,
  user,
  input,
}: {
  db: Database;
  outbox: Outbox;
  user: SessionUser;
  input: UpdateCourseInput;
}): Promise<{ courseId: string; slug: string; updatedAt: string }> {
  const { courseId, expectedUpdatedAt, ...fields } = input;
  return db.transaction(async (tx) => {
    const course = await assertCanEditCourse(tx, user, courseId, { lock: true });
    if (course.updatedAt.getTime() !== new Date(expectedUpdatedAt).getTime()) {
      throw new ConflictError(
        "This course was changed after you opened it (by you in another tab or by a co-instructor). Reload to see the latest version, then apply your changes again.",
      );
    }
    if (Object.values(fields).every((value) => value === undefined)) {
      return { courseId, slug: course.slug, updatedAt: course.updatedAt.toISOString() };
    }
    await tx.update(courses).set(fields).where(eq(courses.id, courseId));
    let slug = course.slug;
    if (fields.title !== undefined && course.publishedAt === null) {
      ({ slug } = await claimUniqueSlug(
        tx,
        fields.title,
        async (candidate) => {
          try {
            // A savepoint, so losing a race for the slug does not abort the whole save.
            await tx.transaction((sp) =>
              sp.update(courses).set({ slug: candidate }).where(eq(courses.id, courseId)),
            );
            return true;
          } catch (error) {
            if (isUniqueViolation(error)) return undefined;
            throw error;
          }
        },
        courseId,
      ));
    }
    const updatedAt = await touchCourse(tx, outbox, courseId);
    return { courseId, slug, updatedAt: updatedAt.toISOString() };
  });
}
