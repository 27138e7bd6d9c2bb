import { index, integer, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { courseLevel, courses } from "./catalog";
import { tsvector } from "./types";

/**
 * The Postgres full-text search index: derived data, one row per published course, written
 * only by the indexing job and rebuilt from `courses` by `pnpm search:reindex`.
 *
 * The filter and sort attributes are copied here (as of the course's last indexing) so that
 * filtering, faceting and ranking a large match set never joins `courses` row by row; the
 * result cards still read the live `courses` row.
 */
export const courseSearch = pgTable(
  "course_search",
  {
    courseId: uuid()
      .primaryKey()
      .references(() => courses.id, { onDelete: "cascade" }),
    /** Weighted: title A, subtitle and tags B, description C; simple + language-stemmed lexemes. */
    document: tsvector().notNull(),
    category: text().notNull(),
    level: courseLevel().notNull(),
    language: text().notNull(),
    ratingAverage: real().notNull(),
    enrollmentCount: integer().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    /** The course's `updatedAt` this row was built from; an older job never overwrites a newer row. */
    sourceUpdatedAt: timestamp({ withTimezone: true }).notNull(),
    indexedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("course_search_document_idx").using("gin", t.document)],
);

/** Distinct words of indexed titles, subtitles and tags, for typo correction with pg_trgm. */
export const searchTerms = pgTable(
  "search_terms",
  {
    term: text().primaryKey(),
  },
  (t) => [index("search_terms_term_trgm_idx").using("gin", t.term.op("gin_trgm_ops"))],
);
