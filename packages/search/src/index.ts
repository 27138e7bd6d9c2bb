export { type CourseCardRow, courseCardColumns, coverImageUrl, toCourseCard } from "./card";
export {
  createSearchBackend,
  type SearchEnv,
  searchEnvIssues,
  searchEnvSchema,
} from "./config";
export { escapeHtml } from "./highlight";
export { createPostgresSearch, type PostgresSearchOptions } from "./postgres/backend";
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
