import type { CatalogQuery, CourseLevel } from "@lumen/shared";

/** What a catalog card shows; the same shape from every backend and from course detail. */
export interface CourseCard {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  category: string;
  level: CourseLevel;
  language: string;
  tags: string[];
  /** `/media/<key>` when the course has a cover image. */
  coverImageUrl: string | null;
  ratingAverage: number;
  ratingCount: number;
  enrollmentCount: number;
  publishedAt: Date | null;
  instructorName: string;
}

/**
 * Matched text per field: HTML-escaped, with only `<mark>…</mark>` added, so a client may
 * render it as HTML. Absent when the field had no match (or there was no query text).
 */
export interface Highlights {
  title?: string;
  subtitle?: string;
  description?: string;
}

export type SearchHit = CourseCard & { highlights: Highlights };

export interface FacetValue {
  value: string;
  count: number;
}

/** Counts per value of each filter, each computed with the other filters applied. */
export interface SearchFacets {
  category: FacetValue[];
  level: FacetValue[];
  language: FacetValue[];
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  facets: SearchFacets;
  /** The query as actually searched, when typo correction changed it. */
  correctedQuery?: string;
  /** Which backend answered ("postgres", "typesense"). */
  backend: string;
}

export interface ReindexResult {
  indexed: number;
  ms: number;
}

/**
 * One search interface, several engines. The index is derived data: `indexCourse` and
 * `reindexAll` rebuild it from Postgres, the source of truth.
 */
export interface SearchBackend {
  readonly name: string;
  search(query: CatalogQuery): Promise<SearchResult>;
  /**
   * Brings one course's entry in line with Postgres: upserts it when published, removes it
   * when unpublished or gone. Idempotent, and never replaces a newer entry with an older one.
   */
  indexCourse(courseId: string): Promise<void>;
  reindexAll(onProgress?: (done: number, total: number) => void): Promise<ReindexResult>;
}
