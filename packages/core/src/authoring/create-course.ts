import { courseInstructors, courses, type Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { SessionUser } from "../kernel";
import type { CreateCourseInput } from "./course-inputs";
import { claimUniqueSlug } from "./slug";

/**
 * Creates a draft owned by its creator: the catalog instructor and the first editor, written
 * in one transaction so a course never exists without someone who can edit it.
 */
export async function createCourse({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: CreateCourseInput;
}): Promise<{ id: string; slug: string; updatedAt: string }> {
  return db.transaction(async (tx) => {
    const { slug, claimed: course } = await claimUniqueSlug(tx, input.title, (candidate) =>
      tx
        .insert(courses)
        .values({
          ...input,
          slug: candidate,
          instructorId: user.id,
          status: "draft",
          // Millisecond precision, like every later bump (see touchCourse).
          updatedAt: sql`date_trunc('milliseconds', clock_timestamp())`,
        })
        .onConflictDoNothing({ target: courses.slug })
        .returning({ id: courses.id, updatedAt: courses.updatedAt })
        .then((rows) => rows[0]),
    );
    await tx.insert(courseInstructors).values({ courseId: course.id, userId: user.id });
    return { id: course.id, slug, updatedAt: course.updatedAt.toISOString() };
  });
}
