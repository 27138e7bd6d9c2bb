import { openForumImage } from "@lumen/core/forum";
import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { Hono } from "hono";
import type { Auth } from "../auth";
import { requireUser } from "../require-user";
import { SANDBOXED_FILE_HEADERS, uuidParam } from "./served-file";

/**
 * Images in forum posts (issue 13), for whoever may read the course's forum: served here, as
 * assignment attachments are, so the session cookie is the credential and access is checked
 * on every request (a learner who leaves the course stops seeing them). Shown inline: the type
 * is the one checked against the bytes on confirm (PNG, JPEG, WebP or GIF), and nosniff plus
 * a sandbox with nothing allowed keep a browser from treating them as anything else.
 */
export const FORUM_IMAGE_PATH = "/api/forum-images/:imageId";

export function forumImageRoutes({
  db,
  media,
  auth,
}: {
  db: Database;
  media: MediaContext;
  auth: Auth;
}) {
  return new Hono().get(FORUM_IMAGE_PATH, requireUser(auth), async (c) => {
    const { image, object } = await openForumImage({
      db,
      media,
      user: c.var.user,
      imageId: uuidParam(c.req.param("imageId"), "image"),
    });
    return c.body(object.body, 200, {
      "Content-Type": image.contentType,
      "Content-Length": String(object.size),
      ...SANDBOXED_FILE_HEADERS,
      // Only this browser may keep it: access ends when the reader leaves the course.
      "Cache-Control": "private, max-age=300",
    });
  });
}
