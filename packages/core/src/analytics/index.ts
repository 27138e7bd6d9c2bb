/**
 * The instructor engagement dashboard (ADR 0024): rollups maintained from the progress,
 * quiz, enrollment and certificate rows, and the reads over them for a course's staff.
 */
export { getAssessmentsOverview, getQuizAnalytics } from "./assessments";
export { type CsvCell, csvCell, csvChunks, csvLine } from "./csv";
export { type AnalyticsExport, EXPORT_PAGE_SIZE, openAnalyticsExport } from "./export";
export { getCourseFunnel } from "./funnel";
export * from "./inputs";
export { listLearnersTable } from "./learners";
export { getCourseOverview } from "./overview";
export { rebuildAnalytics } from "./rebuild";
export { type RollupHooks, type RollupResult, runAnalyticsRollup } from "./rollup";
export { createRollupRequester, type RollupRequester } from "./rollup-request";
export type * from "./types";
export { getVideoEngagement, listVideoEngagement } from "./video";
