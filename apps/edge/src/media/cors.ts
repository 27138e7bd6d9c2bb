import { cors } from "hono/cors";

/**
 * CORS for uploads and playback: any origin, because the token in the path is the credential
 * and no cookie is ever read, so a page on another site gains nothing it did not already hold.
 * Players read Content-Range/Accept-Ranges for byte-range requests; the uploader reads ETag.
 */
export const mediaCors = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"],
  allowHeaders: ["content-type", "range"],
  exposeHeaders: ["content-length", "content-range", "accept-ranges", "etag", "x-lumen-cache"],
  maxAge: 86_400,
});
