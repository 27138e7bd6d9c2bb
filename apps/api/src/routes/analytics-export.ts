import { csvChunks, openAnalyticsExport } from "@lumen/core/analytics";
import type { Database } from "@lumen/db";
import { Hono } from "hono";
import type { Auth } from "../auth";
import { ApiError } from "../http-errors";
import type { Logger } from "../logger";
import { requireUser } from "../require-user";
import { uuidParam } from "./served-file";

/** Where the dashboard's tables download as CSV: `…/analytics/learners.csv?sort=name`. */
export const ANALYTICS_EXPORT_PATH = "/api/courses/:courseId/analytics/:file";

/**
 * CSV exports of the instructor dashboard's tables (ADR 0024), for the course's instructors
 * and admins. The session and role are read fresh (as for editing): exports hold learners'
 * names and emails. Everything that can refuse (table, query, course) is decided before the
 * first byte, so refusals are proper 400/403/404s; the rows then stream from a database
 * cursor as the client reads them (pull-based: a slow client slows the reading, nothing
 * piles up in memory).
 */
export function analyticsExportRoutes({
  db,
  auth,
  logger,
}: {
  db: Database;
  auth: Auth;
  logger: Logger;
}) {
  return new Hono().get(ANALYTICS_EXPORT_PATH, requireUser(auth, { fresh: true }), async (c) => {
    const courseId = uuidParam(c.req.param("courseId"), "course");
    const file = c.req.param("file");
    if (!file.endsWith(".csv")) {
      throw new ApiError(404, "NOT_FOUND", "Exports are CSV files: ask for <table>.csv.");
    }
    const exported = await openAnalyticsExport({
      db,
      user: c.var.user,
      courseId,
      table: file.slice(0, -".csv".length),
      query: c.req.query(),
    });
    const chunks = csvChunks(exported.columns, exported.rows);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          // The status is sent: all that is left is to cut the download short, visibly.
          logger.error("analytics export failed while streaming", { err: error });
          controller.error(new Error("export failed"));
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exported.filename}"`,
      "X-Content-Type-Options": "nosniff",
      // Learners' names and emails: never kept by any cache.
      "Cache-Control": "private, no-store",
    });
  });
}
