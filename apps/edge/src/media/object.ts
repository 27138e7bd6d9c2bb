import { ifNoneMatchMatches } from "@lumen/shared";
import { contentRange, parseRange, resolveRange } from "./range";

export interface ObjectResponseOptions {
  /** Overrides the stored Content-Type (playback decides by extension). */
  contentType?: string;
  cacheControl: string;
}

/**
 * Answers GET or HEAD for one R2 object the way a static file server would: 200, 206 for a
 * single byte range, 416 when the range lies outside the object, 304 when If-None-Match holds
 * its ETag. Null when there is no such object. A plain GET is one R2 read; HEAD, conditional
 * and range requests read the metadata first, because the answer depends on it.
 */
export async function objectResponse(
  bucket: R2Bucket,
  key: string,
  request: Request,
  options: ObjectResponseOptions,
): Promise<Response | null> {
  const range = request.method === "HEAD" ? null : parseRange(request.headers.get("range"));
  const ifNoneMatch = request.headers.get("if-none-match");
  if (request.method !== "HEAD" && !range && !ifNoneMatch) {
    const object = await bucket.get(key);
    return object ? new Response(object.body, { headers: headersFor(object, options) }) : null;
  }

  const meta = await bucket.head(key);
  if (!meta) return null;
  const headers = headersFor(meta, options);
  if (ifNoneMatchMatches(ifNoneMatch, meta.httpEtag)) {
    headers.delete("content-length");
    return new Response(null, { status: 304, headers });
  }
  if (!range) {
    if (request.method === "HEAD") return new Response(null, { headers });
    const object = await bucket.get(key);
    return object ? new Response(object.body, { headers: headersFor(object, options) }) : null;
  }
  const bytes = resolveRange(range, meta.size);
  if (!bytes) {
    headers.delete("content-length");
    headers.set("content-range", `bytes */${meta.size}`);
    return new Response(null, { status: 416, headers });
  }
  const part = await bucket.get(key, { range: bytes, onlyIf: { etagMatches: meta.etag } });
  // Replaced between the two reads: the range would mix versions, so the client asks again.
  if (!part || !("body" in part)) return new Response(null, { status: 412, headers });
  headers.set("content-length", String(bytes.length));
  headers.set("content-range", contentRange(bytes, meta.size));
  return new Response(part.body, { status: 206, headers });
}

function headersFor(object: R2Object, options: ObjectResponseOptions): Headers {
  return new Headers({
    "content-type":
      options.contentType ?? object.httpMetadata?.contentType ?? "application/octet-stream",
    "content-length": String(object.size),
    etag: object.httpEtag,
    "cache-control": options.cacheControl,
    "accept-ranges": "bytes",
  });
}
