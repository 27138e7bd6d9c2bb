import { courses } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { ValidationError } from "../kernel";
import { loadCourseDraft } from "./load-course";
import { publishProblems } from "./publish-checks";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

export interface PublishResult extends CourseChange {
  status: "published";
  publishedAt: string;
}

/**
 * Publishes a course that passes every publish check; otherwise a ValidationError carries
 * the checklist (`problems`, and the messages per field in `fieldErrors`).
 *
 * publishedAt keeps the FIRST publish date on re-publish: "newest" means new to the
 * catalog, and unpublishing for a fix must not let a course jump the queue. Publishing a
 * published course changes nothing.
 */
export async function publishCourse({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & { input: { courseId: string } }): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    const course = await assertCanEditCourse(tx, user, input.courseId, { lock: true });
    if (course.status === "published" && course.publishedAt) {
      return {
        courseId: course.id,
        status: "published",
        publishedAt: course.publishedAt.toISOString(),
        updatedAt: course.updatedAt.toISOString(),
      };
    }
    const problems = publishProblems(await loadCourseDraft(tx, course.id));
    if (problems.length > 0) {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of problems) {
        const field = p.field ?? "course";
        fieldErrors[field] = [...(fieldErrors[field] ?? []), p.message];
      }
      const count = problems.length === 1 ? "1 thing needs" : `${problems.length} things need`;
      throw new ValidationError(
        `This course isn't ready to publish: ${count} fixing.`,
        fieldErrors,
        problems,
      );
    }
    const [published] = await tx
      .update(courses)
      .set({ status: "published", publishedAt: sql`coalesce(${courses.publishedAt}, now())` })
      .where(eq(courses.id, course.id))
      .returning({ publishedAt: courses.publishedAt });
    const updatedAt = await touchCourse(tx, outbox, course.id);
    return {
      courseId: course.id,
      status: "published",
      publishedAt: (published?.publishedAt ?? updatedAt).toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  });
}
