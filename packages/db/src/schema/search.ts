import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
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
    /**
     * What the minimum-rating filter reads: the course's average when it has at least the
     * backend's minimum count of ratings, else 0 (ADR 0032). Cards read `courses`.
     */
    ratingAverage: real().notNull(),
    /** The damped average the "rating" sort orders by (courses.rating_score). */
    ratingScore: real().notNull().default(0),
    enrollmentCount: integer().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    /** The course's `updatedAt` this row was built from; an older job never overwrites a newer row. */
    sourceUpdatedAt: timestamp({ withTimezone: true }).notNull(),
    indexedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("course_search_document_idx").using("gin", t.document),
    // The sorts other than relevance walk these for queries that match many courses; the
    // orders are exactly the search's (ties on the course id, nulls last) or they go unused.
    index("course_search_rating_score_idx").on(sql`${t.ratingScore} desc`, t.courseId),
    index("course_search_enrollments_idx").on(sql`${t.enrollmentCount} desc`, t.courseId),
    index("course_search_newest_idx").on(sql`${t.publishedAt} desc nulls last`, t.courseId),
  ],
);

/** Distinct words of indexed titles, subtitles and tags, for typo correction with pg_trgm. */
export const searchTerms = pgTable(
  "search_terms",
  {
    term: text().primaryKey(),
  },
  (t) => [index("search_terms_term_trgm_idx").using("gin", t.term.op("gin_trgm_ops"))],
);

/**
 * One row: a number the indexer raises in the same transaction as any change to
 * search_terms, so a process may reuse a typo correction it computed while the number was
 * the same (the vocabulary, hence the most similar word, has not changed since).
 */
export const searchVocabulary = pgTable(
  "search_vocabulary",
  {
    id: boolean().primaryKey().default(true),
    version: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [check("search_vocabulary_one_row", sql`${t.id}`)],
);

/**
 * Broad queries: tsqueries that match so many courses (the frequent words of the catalog)
 * that ranking and counting their matches live would cost more than a search may. For each,
 * the indexer keeps the exact facet counts and the first results by relevance; see
 * docs/adr/0005-catalog-search.md and packages/search/src/postgres/broad.ts.
 */
export const searchBroadQueries = pgTable("search_broad_queries", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  /** The tsquery text exactly as the search prepares it for the query. */
  tsquery: text().notNull().unique(),
  /** Courses the query matches now. */
  matches: integer().notNull(),
  /**
   * The last result kept at build time, in relevance order (rank desc, enrollments desc, id):
   * search_broad_hits holds exactly the matches that sort at or before it. Null: it holds
   * every match.
   */
  floorRank: real(),
  floorEnrollments: integer(),
  floorCourseId: uuid(),
  builtAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The first results of a broad query by relevance, with what filters and sorts read. */
export const searchBroadHits = pgTable(
  "search_broad_hits",
  {
    queryId: integer()
      .notNull()
      .references(() => searchBroadQueries.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    rank: real().notNull(),
    enrollmentCount: integer().notNull(),
    category: text().notNull(),
    level: courseLevel().notNull(),
    language: text().notNull(),
    ratingAverage: real().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.queryId, t.courseId] }),
    index("search_broad_hits_order_idx").on(
      t.queryId,
      sql`${t.rank} desc`,
      sql`${t.enrollmentCount} desc`,
      t.courseId,
    ),
    index("search_broad_hits_course_idx").on(t.courseId),
  ],
);

/** How many courses a broad query matches per category, level, language and rating tenth. */
export const searchBroadCells = pgTable(
  "search_broad_cells",
  {
    queryId: integer()
      .notNull()
      .references(() => searchBroadQueries.id, { onDelete: "cascade" }),
    category: text().notNull(),
    level: courseLevel().notNull(),
    language: text().notNull(),
    /**
     * The largest k with rating_average >= k/10 (as real): "k/10 and up" counts it. -1: the
     * sum over every tenth (the counts without a minimum rating).
     */
    tenths: smallint().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.queryId, t.category, t.level, t.language, t.tenths] })],
);
