import { indexCourseInCatalog } from "@lumen/core/catalog";
import type { Database } from "@lumen/db";
import { handleJob, indexCourseJob, type Outbox } from "@lumen/jobs";
import type { SearchBackend } from "@lumen/search";
import type { Logger } from "../logger";

/**
 * Serves search.index-course: the course's search entry, then the edge purge after it
 * (indexCourseInCatalog, @lumen/core/catalog).
 */
export function indexCourseHandler({
  db,
  outbox,
  search,
  logger,
}: {
  db: Database;
  outbox: Outbox;
  search: SearchBackend;
  logger: Pick<Logger, "info">;
}) {
  return handleJob(indexCourseJob, async ({ courseId }) => {
    await indexCourseInCatalog({ db, outbox, search, courseId });
    logger.info("course indexed", { courseId, backend: search.name });
  });
}
