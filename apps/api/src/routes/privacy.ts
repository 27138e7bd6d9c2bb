import {
  EXPORT_NOT_FOUND,
  type ExportDownload,
  exportLinkQuery,
  openExportDownload,
  openSignedExportDownload,
} from "@lumen/core/privacy";
import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Auth } from "../auth";
import { ApiError } from "../http-errors";
import { requireUser } from "../require-user";

const PATH = "/api/privacy/exports/:id/download";

/**
 * `GET /api/privacy/exports/:id/download`: the data export as a ZIP attachment, streamed from
 * media storage, reached two ways (ADR 0027, "Data export download links"):
 * - with `?expires=…&signature=…`, the signed link of the ready email and the privacy page: no
 *   session (a mail client, another device) — 403 when altered or another export's, 410 once
 *   the link's day is over (`renewUrl` names the privacy page, which hands out a fresh one);
 * - without, the owner's session (someone else's id is the 404 of an unknown one).
 * Either way: 410 once the export's 7 days are over, 409 while it is being prepared.
 */
export function privacyRoutes({
  db,
  media,
  auth,
  linkSecret,
  webOrigin,
}: {
  db: Database;
  media: MediaContext;
  auth: Auth;
  /** EMAIL_TOKEN_SECRET: the download links are links in email, like unsubscribe links. */
  linkSecret: string;
  webOrigin: string;
}) {
  const app = new Hono();
  const renewUrl = `${webOrigin.replace(/\/$/, "")}/settings/privacy`;
  const exportId = (raw: string) => {
    const id = z.uuid().safeParse(raw);
    if (!id.success) throw new ApiError(404, "NOT_FOUND", EXPORT_NOT_FOUND);
    return id.data;
  };

  app.get(PATH, async (c, next) => {
    const { expires, signature } = c.req.query();
    if (expires === undefined && signature === undefined) return next();
    const id = exportId(c.req.param("id"));
    const link = exportLinkQuery.safeParse({ expires, signature });
    if (!link.success) throw badLink(renewUrl);
    const download = await openSignedExportDownload({
      db,
      store: media.store,
      secret: linkSecret,
      exportId: id,
      link: link.data,
    });
    if (download.kind === "bad-signature") throw badLink(renewUrl);
    if (download.kind === "link-expired") {
      throw new ApiError(
        410,
        "LINK_EXPIRED",
        "This download link has expired. Open your privacy settings for a fresh link.",
        { renewUrl },
      );
    }
    return serve(c, download, renewUrl);
  });

  const signedIn = requireUser(auth, { message: "Sign in to download your data export." });
  app.get(PATH, signedIn, async (c) => {
    const download = await openExportDownload({
      db,
      store: media.store,
      user: c.var.user,
      exportId: exportId(c.req.param("id")),
    });
    return serve(c, download, renewUrl);
  });
  return app;
}

function badLink(renewUrl: string) {
  return new ApiError(
    403,
    "FORBIDDEN",
    "This download link is not valid. Open your privacy settings for a fresh link.",
    { renewUrl },
  );
}

function serve(c: Context, download: ExportDownload, renewUrl: string) {
  if (download.kind === "expired") {
    throw new ApiError(410, "GONE", "This export has expired. Request a new one.", { renewUrl });
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
    // Personal: never stored by any cache; a signed link is not passed on as a referrer.
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
  });
}
