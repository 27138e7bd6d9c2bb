export { type CourseCardRow, courseCardColumns, coverImageUrl, toCourseCard } from "./card";
export {
  createSearchBackend,
  DEFAULT_RATING_MIN_COUNT,
  type SearchEnv,
  searchEnvIssues,
  searchEnvSchema,
} from "./config";
export { createPostgresSearch, type PostgresSearchOptions } from "./postgres/backend";
export { parsedTsquerySql } from "./postgres/tsquery-sql";
export { formatQuery } from "./query/format";
export { type Atom, type ParsedQuery, parseQuery } from "./query/parse";
export type {
  CourseCard,
  FacetValue,
  Highlights,
  ReindexResult,
  SearchBackend,
  SearchFacets,
  SearchHit,
  SearchResult,
} from "./types";
export { createTypesenseSearch, type TypesenseSearchOptions } from "./typesense/backend";
