import { z } from "zod";

export const COURSE_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

export const CATALOG_SORTS = ["newest", "rating", "enrollments"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export const CATALOG_PAGE_SIZE_MAX = 50;

/**
 * The public catalog query (DESIGN §4 `GET /courses`). Shared so the API procedure and the
 * edge's cached route accept exactly the same parameters.
 */
export const catalogQuerySchema = z.object({
  category: z.string().trim().min(1).max(80).optional(),
  level: z.enum(COURSE_LEVELS).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, "language must be a 2–3 letter code such as en")
    .optional(),
  sort: z.enum(CATALOG_SORTS).default("newest"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(CATALOG_PAGE_SIZE_MAX).default(20),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;
export type CatalogQueryInput = z.input<typeof catalogQuerySchema>;
