import { courseInstructors, courses } from "@lumen/db";
import { indexCourseJob } from "@lumen/jobs";
import { asc, eq } from "drizzle-orm";
import type { RetirementStep } from "./types";

/**
 * The search index holds no learner data, only course cards with their shown instructor's
 * name. A course the user was the shown instructor of is handed to its longest-standing
 * co-instructor, or keeps the tombstone ("Deleted user"), and is reindexed (after the profile
 * step, so the index never gets the old name back; the reindex also purges the edge's pages).
 */
export const searchStep: RetirementStep = {
  name: "search",
  run: async ({ tx, outbox, userId, now }) => {
    const shown = await tx
      .select({ id: courses.id })
      .from(courses)
      .where(eq(courses.instructorId, userId))
      .orderBy(courses.id);
    for (const course of shown) {
      const [next] = await tx
        .select({ userId: courseInstructors.userId })
        .from(courseInstructors)
        .where(eq(courseInstructors.courseId, course.id))
        .orderBy(asc(courseInstructors.addedAt))
        .limit(1);
      if (next) {
        await tx
          .update(courses)
          .set({ instructorId: next.userId, updatedAt: now })
          .where(eq(courses.id, course.id));
      }
      await outbox.enqueue(tx, indexCourseJob, { courseId: course.id });
    }
  },
};
