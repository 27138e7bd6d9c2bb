/**
 * The SPA's production Content-Security-Policy and companion headers, for whatever hosts the
 * built files (documented in the README; `vite preview` sends them). Found by loading every
 * page of the browser tests in Chromium under this policy with violations failing the test:
 * - scripts and styles come only from our own files (React sets inline `style` through the
 *   CSSOM, which CSP allows; no inline <script> or <style>);
 * - the edge serves uploads (PUT), HLS playlists and segments (hls.js fetches them), posters
 *   and captions; hls.js plays through MediaSource (`blob:` media) and runs its transmuxer in
 *   a `blob:` worker;
 * - PDF lessons are an <object> of a same-origin URL (`/api/lessons/…/document`);
 * - images: our /media covers, forum images (`/api/forum-images/<id>`, same origin), the
 *   edge's posters, `data:` SVG icons in the stylesheet; forum images are PUT to the edge.
 * `self` covers the API: the host proxies /api, /trpc and /media to it, as `vite` does.
 */
export function productionCsp({ edgeUrl }: { edgeUrl: string }): string {
  const edge = new URL(edgeUrl).origin;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", edge],
    "media-src": ["'self'", "blob:", edge],
    "connect-src": ["'self'", edge],
    "worker-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    "object-src": ["'self'"],
    "frame-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Every header the SPA's host adds to its pages and assets. */
export function productionHeaders({ edgeUrl }: { edgeUrl: string }): Record<string, string> {
  return {
    "Content-Security-Policy": productionCsp({ edgeUrl }),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}
