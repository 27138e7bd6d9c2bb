/** The catalog's vocabularies and limits, without zod (the SPA's first page reads them). */
export const COURSE_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

export const CATALOG_SORTS = ["relevance", "newest", "rating", "enrollments"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export const CATALOG_PAGE_SIZE_MAX = 50;
export const SEARCH_QUERY_MAX_LENGTH = 200;
