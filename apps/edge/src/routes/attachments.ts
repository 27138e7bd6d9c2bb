import { Hono } from "hono";
import type { AppEnv } from "../env";
import { storeAttachment } from "../media/attachments";
import { mediaCors } from "../media/cors";
import { requireToken } from "../middleware/require-token";

const noStore = { "cache-control": "no-store" };

/**
 * Assignment attachments and forum images, straight from the browser into R2
 * (`attachments/<id>` or `forum-images/<id>`, by the token's purpose):
 * - `PUT /attachments/:token` the whole file, exactly the token's byte size → `{ size }`
 *
 * Only the upload is here. Downloads go through the API (`GET /api/attachments/:id`), as PDF
 * lesson documents do: who may read a submission changes while it is reviewed (a reviewer's
 * lease expires), and the API checks that on every request with the session cookie, where a
 * download token would keep working until it expired, and would sit in URLs and histories.
 */
export const attachments = new Hono<AppEnv>()
  .use("/attachments/*", mediaCors)
  .put(
    "/attachments/:token",
    requireToken("attachment-upload", "forum-image-upload"),
    async (c) => {
      const length = c.req.header("content-length");
      const stored = await storeAttachment(c.env.MEDIA, c.var.claims, length, c.req.raw.body);
      return c.json(stored, 200, noStore);
    },
  );
