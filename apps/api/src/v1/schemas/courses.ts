import { z } from "@hono/zod-openapi";
import {
  CATALOG_PAGE_SIZE_MAX,
  CATALOG_SORTS,
  CATEGORIES,
  COURSE_LEVELS,
  LANGUAGE_CODES,
} from "@lumen/shared";
import { pageFields, pageQuery } from "../pagination";
import { timestamp, uuid } from "./common";

/** A filter value, or empty (`?category=`): how forms send "no filter" (DESIGN §4). */
const filter = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z
    .union([z.enum(values), z.literal("")])
    .optional()
    .openapi({ description });

export const CourseSearchQuery = z.object({
  query: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "Search text (at most 200 characters)." }),
  category: filter(CATEGORIES, "Only this category."),
  level: filter(COURSE_LEVELS, "Only this level."),
  language: filter(LANGUAGE_CODES, "Only this language (ISO 639-1 code)."),
  min_rating: z.coerce
    .number()
    .min(0)
    .max(5)
    .optional()
    .openapi({ description: "Only courses rated at least this." }),
  sort: filter(CATALOG_SORTS, "Order; default `relevance` with query text, else `newest`."),
  ...pageQuery({ defaultSize: 20, maxSize: CATALOG_PAGE_SIZE_MAX }),
});

export const CourseCardSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    subtitle: z.string(),
    category: z.string(),
    level: z.enum(COURSE_LEVELS),
    language: z.string(),
    tags: z.array(z.string()),
    cover_image_url: z.string().nullable(),
    rating_average: z.number(),
    rating_count: z.number().int(),
    enrollment_count: z.number().int(),
    published_at: timestamp.nullable(),
    instructor_name: z.string(),
  })
  .openapi("CourseCard");

const facetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const CourseSearchPage = z
  .object({
    items: z.array(
      CourseCardSchema.extend({
        highlights: z
          .object({
            title: z.string().optional(),
            subtitle: z.string().optional(),
            description: z.string().optional(),
          })
          .openapi({ description: "Matched text, HTML-escaped with only `<mark>` added." }),
      }),
    ),
    ...pageFields,
    facets: z.object({ category: facetValues, level: facetValues, language: facetValues }),
    corrected_query: z.string().optional(),
  })
  .openapi("CourseSearchPage");

export const CourseIdParam = z.object({ course_id: uuid("course_id") });
