/**
 * HTTP validators shared by the origin API and the edge, so both sides of a conditional
 * request agree on what "matches" means.
 */

/** The entity tag's opaque part, without the weak prefix: `W/"abc"` and `"abc"` → `"abc"`. */
function opaqueTag(tag: string): string {
  return tag.trim().replace(/^W\//, "");
}

/**
 * Whether an `If-None-Match` header matches `etag`, using the weak comparison RFC 9110 §13.1.2
 * prescribes for it (a compressing proxy may weaken our strong tags on the way).
 */
export function ifNoneMatchMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const wanted = opaqueTag(etag);
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaqueTag(tag) === wanted);
}
