import { z } from "zod";
import {
  CATALOG_PAGE_SIZE_MAX,
  CATALOG_SORTS,
  COURSE_LEVELS,
  SEARCH_QUERY_MAX_LENGTH,
} from "./catalog-constants";
import { CATEGORIES, LANGUAGE_CODES } from "./taxonomy";
import { singleLine } from "./text";

export * from "./catalog-constants";

/**
 * The public catalog query (DESIGN §4 `GET /courses?query=&category=&level=&language=&page=`).
 * Shared so the API procedure and the edge's cached route accept exactly the same input.
 * `sort` defaults to relevance when there is query text, else to newest.
 */
export const catalogQuerySchema = z
  .object({
    // Runs of whitespace are one space, as the edge's canonical form has it.
    query: singleLine({
      label: "query",
      max: SEARCH_QUERY_MAX_LENGTH,
      tooLong: `query must be at most ${SEARCH_QUERY_MAX_LENGTH} characters`,
      tidy: (q) => q.replace(/\s+/g, " "),
    })
      .optional()
      .transform((q) => (q ? q : undefined)),
    category: z.enum(CATEGORIES, { error: "unknown category" }).optional(),
    level: z
      .enum(COURSE_LEVELS, { error: "level must be beginner, intermediate or advanced" })
      .optional(),
    language: z.enum(LANGUAGE_CODES, { error: "unsupported language code" }).optional(),
    minRating: z.coerce.number().min(0).max(5).optional(),
    sort: z
      .enum(CATALOG_SORTS, { error: "sort must be relevance, newest, rating or enrollments" })
      .optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(CATALOG_PAGE_SIZE_MAX).default(20),
  })
  .transform((q) => ({ ...q, sort: q.sort ?? (q.query ? "relevance" : "newest") }) as const);
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;
export type CatalogQueryInput = z.input<typeof catalogQuerySchema>;
