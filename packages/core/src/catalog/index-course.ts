import { courses, type Database } from "@lumen/db";
import { type Outbox, purgeCatalogJob } from "@lumen/jobs";
import type { SearchBackend } from "@lumen/search";
import { eq } from "drizzle-orm";

/**
 * Brings one course's search entry in line with Postgres, then asks for an edge purge.
 * indexCourse reads the course's current state and never lets an older version replace a
 * newer one, so a retry, a duplicate or jobs arriving out of order all leave the same index
 * behind. The purge is enqueued only after indexing succeeded: purging first would let the
 * edge re-cache search results from before the change.
 */
export async function indexCourseInCatalog({
  db,
  outbox,
  search,
  courseId,
}: {
  db: Database;
  outbox: Outbox;
  search: SearchBackend;
  courseId: string;
}): Promise<void> {
  await search.indexCourse(courseId);
  await db.transaction(async (tx) => {
    const [course] = await tx
      .select({ slug: courses.slug })
      .from(courses)
      .where(eq(courses.id, courseId));
    await outbox.enqueue(tx, purgeCatalogJob, { courseId, slug: course?.slug });
  });
}
