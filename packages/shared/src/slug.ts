import { singleLine } from "./text";

/**
 * A course's public URL slug (`/courses/:slug`). Shared so the API and the edge reject the same
 * malformed slugs before any lookup, and the edge can turn junk into a 404 without the origin.
 */
export const courseSlugSchema = singleLine({ label: "slug", max: 160, trim: false })
  .min(1)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lowercase letters, digits and dashes");
