import { openAttachment } from "@lumen/core/assignment-attachments";
import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { Hono } from "hono";
import type { Auth } from "../auth";
import { requireUser } from "../require-user";
import { contentDisposition } from "./documents";
import { SANDBOXED_FILE_HEADERS, uuidParam } from "./served-file";

/**
 * Downloads of assignment attachments, for whoever may read the submission (author, staff, a
 * reviewer with a live lease). Served here rather than from the edge, as PDF lesson documents
 * are: the session cookie is the credential and access is checked on every request, so a
 * reviewer's ends with their lease, and no capability sits in a URL. Always a download: the
 * type was checked against the bytes when the upload was confirmed, and nosniff plus a
 * sandbox with nothing allowed keep a browser from running any of it on our origin.
 */
export const ATTACHMENT_DOWNLOAD_PATH = "/api/attachments/:attachmentId";

export function attachmentRoutes({
  db,
  media,
  auth,
}: {
  db: Database;
  media: MediaContext;
  auth: Auth;
}) {
  return new Hono().get(ATTACHMENT_DOWNLOAD_PATH, requireUser(auth), async (c) => {
    const { attachment, object } = await openAttachment({
      db,
      media,
      user: c.var.user,
      attachmentId: uuidParam(c.req.param("attachmentId"), "attachment"),
    });
    const text = attachment.contentType.startsWith("text/");
    return c.body(object.body, 200, {
      "Content-Type": text ? `${attachment.contentType}; charset=utf-8` : attachment.contentType,
      "Content-Length": String(object.size),
      "Content-Disposition": contentDisposition("attachment", attachment.filename),
      ...SANDBOXED_FILE_HEADERS,
      // Access can end (a lease expires): nothing keeps a copy.
      "Cache-Control": "private, no-store",
    });
  });
}
