import { z } from "zod";
import { id, singleLine } from "../kernel";

/**
 * Inputs of the instructor dashboard's reads (ADR 0024). Every read names one course; only
 * its instructors and admins may read it.
 */

/** The longest range one overview covers: a year and a day (a leap year, both ends in). */
export const ANALYTICS_RANGE_DAYS_MAX = 367;

/** A calendar date: zod's ISO date format (real dates only), so it admits no stray characters. */
const isoDay = (label: string) =>
  z.iso.date({ error: `${label} must be a real date written YYYY-MM-DD.` });

export const analyticsCourseInput = z.object({ courseId: id("courseId") });
export type AnalyticsCourseInput = z.output<typeof analyticsCourseInput>;

export const analyticsLessonInput = analyticsCourseInput.extend({ lessonId: id("lessonId") });
export type AnalyticsLessonInput = z.output<typeof analyticsLessonInput>;

/** A UTC day range, both ends included, compared with the range of equal length before it. */
export const overviewInput = analyticsCourseInput
  .extend({
    from: isoDay("The start date"),
    to: isoDay("The end date"),
    granularity: z.enum(["day", "week"]).default("day"),
  })
  .refine((r) => r.from <= r.to, {
    message: "The start date must not be after the end date.",
    path: ["from"],
  })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < ANALYTICS_RANGE_DAYS_MAX, {
    message: `A range covers at most ${ANALYTICS_RANGE_DAYS_MAX} days.`,
    path: ["to"],
  });
export type OverviewInput = z.output<typeof overviewInput>;

export const LEARNER_SORTS = [
  "name",
  "progress",
  "lastActive",
  "enrolled",
  "quizAverage",
  "certificate",
] as const;
export type LearnerSort = (typeof LEARNER_SORTS)[number];

/** At risk: no activity for `inactiveDays` days while under `belowPercent` % of the course. */
export const atRiskRule = z.object({
  inactiveDays: z.number().int().min(1).max(365).default(14),
  belowPercent: z.number().int().min(1).max(100).default(50),
});
export type AtRiskRule = z.output<typeof atRiskRule>;

export const learnersTableInput = analyticsCourseInput.extend({
  /** Case-insensitive match on name or email. */
  query: singleLine({ label: "Search", max: 200 }).default(""),
  sort: z.enum(LEARNER_SORTS).default("lastActive"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  /** Only the learners at risk under `atRisk`. */
  atRiskOnly: z.boolean().default(false),
  atRisk: atRiskRule.default({ inactiveDays: 14, belowPercent: 50 }),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type LearnersTableInput = z.output<typeof learnersTableInput>;

/** The tables a CSV export can stream (GET /api/courses/:courseId/analytics/:table.csv). */
export const EXPORT_TABLES = [
  "overview",
  "funnel",
  "videos",
  "video",
  "quizzes",
  "quiz",
  "exercises",
  "assignments",
  "learners",
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
