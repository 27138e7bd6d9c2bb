import type { CollectionCreateSchema } from "typesense/lib/Typesense/Collections";

/** Fields added with ratings (ADR 0032); a collection created before gets them on start-up. */
export const RATING_FIELDS = [
  { name: "rating_score", type: "float", sort: true, optional: true },
  { name: "rating_filter", type: "float", optional: true },
] as const satisfies CollectionCreateSchema["fields"];

/**
 * The course collection. Text fields are searched with typo tolerance and prefix matching;
 * category, level and language are facets; rating, enrollments and publish date sort; the
 * rest is only returned for the card.
 */
export function courseCollectionSchema(name: string): CollectionCreateSchema {
  return {
    name,
    fields: [
      { name: "title", type: "string" },
      { name: "subtitle", type: "string" },
      { name: "description", type: "string" },
      { name: "tags", type: "string[]" },
      { name: "category", type: "string", facet: true },
      { name: "level", type: "string", facet: true },
      { name: "language", type: "string", facet: true },
      { name: "rating_average", type: "float", sort: true },
      ...RATING_FIELDS,
      { name: "enrollment_count", type: "int32", sort: true },
      { name: "published_at", type: "int64", sort: true, optional: true },
      { name: "indexed_at", type: "int64" },
      { name: "slug", type: "string", index: false, optional: true },
      { name: "rating_count", type: "int32", index: false, optional: true },
      { name: "instructor_name", type: "string", index: false, optional: true },
      { name: "cover_image_key", type: "string", index: false, optional: true },
      { name: "source_updated_at", type: "int64", index: false, optional: true },
    ],
    default_sorting_field: "enrollment_count",
  };
}
