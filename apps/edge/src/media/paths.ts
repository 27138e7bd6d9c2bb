import { isSafeRelativePath } from "@lumen/media-tokens";

/**
 * The object path after the first `skip` segments of the URL path (`/v/<token>/<path…>` →
 * skip 2), each segment percent-decoded on its own. Decoding per segment turns an encoded
 * slash into a real one, so `..%2F` and `%2e%2e` are judged as the `..` they spell; null when
 * the path is malformed or not a safe relative path.
 */
export function objectPathAfter(url: string, skip: number): string | null {
  const segments = new URL(url).pathname.split("/").slice(1 + skip);
  let path: string;
  try {
    path = segments.map(decodeURIComponent).join("/");
  } catch {
    return null;
  }
  return isSafeRelativePath(path) ? path : null;
}

/** Playback serves only these kinds of file; anything else under hls/ is a 404. */
const PLAYBACK_CONTENT_TYPES: Record<string, string> = {
  m3u8: "application/vnd.apple.mpegurl",
  ts: "video/mp2t",
  m4s: "video/iso.segment",
  mp4: "video/mp4",
  vtt: "text/vtt; charset=utf-8",
  jpg: "image/jpeg",
};

export function playbackContentType(path: string): string | null {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return null;
  return PLAYBACK_CONTENT_TYPES[name.slice(dot + 1).toLowerCase()] ?? null;
}
