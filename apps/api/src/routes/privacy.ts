import { EXPORT_NOT_FOUND, openExportDownload } from "@lumen/core/privacy";
import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { Hono } from "hono";
import { z } from "zod";
import type { Auth } from "../auth";
import { ApiError } from "../http-errors";
import { requireUser } from "../require-user";

/**
 * `GET /api/privacy/exports/:id/download`: the caller's data export as a ZIP attachment,
 * streamed from media storage. A session, not a signed link: the archive is the most personal
 * file we hold, so it is served only to its owner's live session (someone else's id is the
 * 404 of an unknown one); 410 once its 7 days are over, 409 while it is being prepared.
 */
export function privacyRoutes({
  db,
  media,
  auth,
}: {
  db: Database;
  media: MediaContext;
  auth: Auth;
}) {
  const app = new Hono();
  const signedIn = requireUser(auth, { message: "Sign in to download your data export." });
  app.get("/api/privacy/exports/:id/download", signedIn, async (c) => {
    const id = z.uuid().safeParse(c.req.param("id"));
    if (!id.success) throw new ApiError(404, "NOT_FOUND", EXPORT_NOT_FOUND);
    const download = await openExportDownload({
      db,
      store: media.store,
      user: c.var.user,
      exportId: id.data,
    });
    if (download.kind === "expired") {
      throw new ApiError(410, "GONE", "This export has expired. Request a new one.");
    }
    if (download.kind === "failed") {
      throw new ApiError(409, "CONFLICT", "This export could not be prepared. Request a new one.");
    }
    if (download.kind === "not-ready") {
      throw new ApiError(409, "CONFLICT", "This export is still being prepared.");
    }
    const { archive, filename } = download;
    return c.body(archive.body, 200, {
      "Content-Type": "application/zip",
      "Content-Length": String(archive.size),
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      // Personal: never stored by any cache.
      "Cache-Control": "private, no-store",
    });
  });
  return app;
}
