import { Hono } from "hono";
import type { AppEnv } from "../env";
import { mediaCors } from "../media/cors";
import { abortUpload, completeUpload, startUpload, storePart } from "../media/uploads";
import { requireToken } from "../middleware/require-token";

const noStore = { "cache-control": "no-store" };

/**
 * Resumable uploads straight from the browser into an R2 multipart upload (ADR 0006). The
 * `upload` token names the asset and the file's exact size; the API never sees the bytes.
 * - `POST /uploads/:token` start or resume → `{ partBytes, totalParts, parts, uploadedBytes, completed }`
 * - `PUT /uploads/:token/parts/:n` one part, exactly its expected size → `{ partNumber, size }`
 * - `POST /uploads/:token/complete` → `{ size }` (idempotent)
 * - `DELETE /uploads/:token` → 204, nothing of the upload left
 */
export const uploads = new Hono<AppEnv>()
  .use("/uploads/*", mediaCors)
  .post("/uploads/:token", requireToken("upload"), async (c) =>
    c.json(await startUpload(c.env.MEDIA, c.var.claims), 200, noStore),
  )
  .put("/uploads/:token/parts/:n", requireToken("upload"), async (c) => {
    const length = c.req.header("content-length");
    const { claims } = c.var;
    const part = await storePart(c.env.MEDIA, claims, c.req.param("n"), length, c.req.raw.body);
    return c.json(part, 200, noStore);
  })
  .post("/uploads/:token/complete", requireToken("upload"), async (c) =>
    c.json(await completeUpload(c.env.MEDIA, c.var.claims), 200, noStore),
  )
  .delete("/uploads/:token", requireToken("upload"), async (c) => {
    await abortUpload(c.env.MEDIA, c.var.claims);
    return c.body(null, 204, noStore);
  });
