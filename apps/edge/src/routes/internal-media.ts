import { assetPrefix, fileKey, isFilePurpose, isSafeRelativePath } from "@lumen/media-tokens";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env";
import { EdgeError, errorBody } from "../errors";
import { objectResponse } from "../media/object";
import { objectPathAfter } from "../media/paths";
import { listAll } from "../media/upload-records";
import { requireToken, type TokenEnv } from "../middleware/require-token";

const noStore = { "cache-control": "no-store" };
const fileToken = requireToken("document", "certificate", "attachment", "forum-image", "export");

/**
 * Storage for the API and job runner (EdgeMediaStore), keyed by the token's purpose (ADR 0014).
 * Locally this is the only way a Node process reaches Miniflare's R2.
 *
 * A `store` token is scoped to one video asset's prefix `videos/<id>/`; paths are relative to it:
 * - `GET /internal/media/:token?prefix=<p>` → `{ paths }` (sorted, every page)
 * - `GET|HEAD /internal/media/:token/<path>` → the object (byte ranges as for playback)
 * - `PUT /internal/media/:token/<path>` body + Content-Length + Content-Type → `{ path, size }`
 * - `DELETE /internal/media/:token/<path>` → 204, present or not
 *
 * A `document`, `certificate`, `attachment` or `forum-image` token names one object,
 * `documents/<id>.pdf`, `certificates/<id>.pdf`, `attachments/<id>` or `forum-images/<id>`, at `/internal/files/:token` (GET|HEAD, PUT →
 * `{ key, size }`, DELETE → 204 as above). A browser's `attachment-upload` or `forum-image-upload` token is
 * not one of them: it only PUTs once, at `/attachments/:token` (routes/attachments.ts). Objects written
 * before ADR 0014 under `videos/<id>/` stay reachable with a `store` token until the
 * storage-keys migration has moved them.
 */
export const internalMedia = new Hono<AppEnv>()
  .get("/internal/media/:token", requireToken("store"), async (c) => {
    const { assetId } = c.var.claims;
    const prefix = c.req.query("prefix") ?? "";
    // A prefix is a path or a directory (`hls/`); either way it must stay inside the asset.
    if (prefix !== "" && !isSafeRelativePath(prefix.replace(/\/$/, ""))) {
      throw new EdgeError(400, "bad_path", "The prefix must be a relative path inside the asset.");
    }
    const base = assetPrefix(assetId);
    const objects = await listAll(c.env.MEDIA, `${base}${prefix}`, false);
    const paths = objects.map((o) => o.key.slice(base.length)).sort();
    return c.json({ paths }, 200, noStore);
  })
  .get("/internal/media/:token/:path{.+}", requireToken("store"), async (c) => {
    const key = storeKey(c);
    const res = await objectResponse(c.env.MEDIA, key, c.req.raw, { cacheControl: "no-store" });
    return res ?? c.json(errorBody("not_found", "No such object."), 404, noStore);
  })
  .put("/internal/media/:token/:path{.+}", requireToken("store"), async (c) => {
    const size = await putObject(c, storeKey(c));
    return c.json({ path: objectPathAfter(c.req.url, 3), size }, 200, noStore);
  })
  .delete("/internal/media/:token/:path{.+}", requireToken("store"), async (c) => {
    await c.env.MEDIA.delete(storeKey(c));
    return c.body(null, 204, noStore);
  })
  .get("/internal/files/:token", fileToken, async (c) => {
    const key = storedFileKey(c);
    const res = await objectResponse(c.env.MEDIA, key, c.req.raw, { cacheControl: "no-store" });
    return res ?? c.json(errorBody("not_found", "No such object."), 404, noStore);
  })
  .put("/internal/files/:token", fileToken, async (c) => {
    const key = storedFileKey(c);
    const size = await putObject(c, key);
    return c.json({ key, size }, 200, noStore);
  })
  .delete("/internal/files/:token", fileToken, async (c) => {
    await c.env.MEDIA.delete(storedFileKey(c));
    return c.body(null, 204, noStore);
  });

/** Stores the request body at `key`; its size, which must come as a Content-Length. */
async function putObject(c: Context<TokenEnv>, key: string): Promise<number> {
  const header = c.req.header("content-length")?.trim();
  if (header === undefined) {
    throw new EdgeError(411, "length_required", "Send the object with a Content-Length.");
  }
  if (!/^\d{1,15}$/.test(header)) {
    throw new EdgeError(400, "bad_length", "Content-Length must be a byte count.");
  }
  const size = Number(header);
  const httpMetadata = {
    contentType: c.req.header("content-type") || "application/octet-stream",
  };
  const body = c.req.raw.body;
  if (size === 0 || !body) {
    await c.env.MEDIA.put(key, "", { httpMetadata });
  } else {
    // R2 needs a stream of known length, and this one is cut off at exactly `size`.
    const { readable, writable } = new FixedLengthStream(size);
    await Promise.all([c.env.MEDIA.put(key, readable, { httpMetadata }), body.pipeTo(writable)]);
  }
  return size;
}

/** The R2 key a document, certificate or attachment token names. */
function storedFileKey(c: Context<TokenEnv>): string {
  const { purpose, assetId } = c.var.claims;
  // requireToken admitted only file purposes; checked again so a widened guard cannot reach videos/.
  if (!isFilePurpose(purpose)) throw new Error(`no stored file for ${purpose} tokens`);
  return fileKey(purpose, assetId);
}

/** The R2 key the store token's asset and a safe path address. */
function storeKey(c: Context<TokenEnv>): string {
  const path = objectPathAfter(c.req.url, 3);
  if (!path) throw new EdgeError(400, "bad_path", "The path must be relative to the asset.");
  return `${assetPrefix(c.var.claims.assetId)}${path}`;
}
