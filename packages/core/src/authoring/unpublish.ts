import { courses } from "@lumen/db";
import { eq } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

/**
 * Takes a course out of the catalog (back to draft). Enrollments are untouched: learners
 * who joined keep their enrollment and progress; new learners cannot enroll. The slug and
 * first publish date are kept. Unpublishing a draft changes nothing.
 */
export async function unpublishCourse({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & { input: { courseId: string } }): Promise<CourseChange & { status: "draft" }> {
  return db.transaction(async (tx) => {
    const course = await assertCanEditCourse(tx, user, input.courseId, { lock: true });
    if (course.status === "draft") {
      return { courseId: course.id, status: "draft", updatedAt: course.updatedAt.toISOString() };
    }
    await tx.update(courses).set({ status: "draft" }).where(eq(courses.id, course.id));
    // The course is a draft now, but the index and the edge still show it: tell them.
    const updatedAt = await touchCourse(tx, outbox, course.id, { catalogChanged: true });
    return { courseId: course.id, status: "draft", updatedAt: updatedAt.toISOString() };
  });
}
