import { analyticsEnrollments, type Database, lessons, modules, users } from "@lumen/db";
import { and, count, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import type { AtRiskRule, LearnerSort, LearnersTableInput } from "./inputs";

/**
 * The learners table's SQL, written once: the table and its CSV export filter, sort and band
 * learners with these same expressions.
 */

/** Required (not optional) lessons of the course now: the percent's denominator. */
export async function requiredLessonsOf(db: Database, courseId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(modules.courseId, courseId), eq(lessons.isOptional, false)));
  return Number(row?.n ?? 0);
}

/** SQL: completionPercent() of the enrollment row in scope, against the course's `required`. */
export function percentSql(required: number): SQL<number> {
  if (required <= 0) return sql<number>`0`;
  const of = sql.raw(String(Math.trunc(required)));
  return sql<number>`least(100, floor(100.0 * ${analyticsEnrollments.requiredCompleted} / ${of}))::int`;
}

/**
 * SQL: the enrollment in scope is at risk: no activity (or, never active, no enrollment)
 * for `inactiveDays` days before `now`, while under `belowPercent` % of the course.
 */
export function atRiskSql(rule: AtRiskRule, required: number, now: Date): SQL<boolean> {
  const since = new Date(now.getTime() - rule.inactiveDays * 86_400_000).toISOString();
  return sql<boolean>`(coalesce(${analyticsEnrollments.lastActiveAt}, ${analyticsEnrollments.enrolledAt}) < ${since}::timestamptz
    and ${percentSql(required)} < ${rule.belowPercent})`;
}

/** `%query%` for ILIKE with the user's %, _ and \ matched literally. */
export const containsPattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The active learners of the course matching the table's search and at-risk filter. Only the
 * search reads `users`: without one, callers leave the join out (at 100k learners, hashing
 * every user row is most of the query's time).
 */
export function learnersWhere(
  input: Pick<LearnersTableInput, "courseId" | "query" | "atRiskOnly" | "atRisk">,
  required: number,
  now: Date,
): SQL | undefined {
  const pattern = containsPattern(input.query);
  return and(
    eq(analyticsEnrollments.courseId, input.courseId),
    isNull(analyticsEnrollments.unenrolledAt),
    input.query ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    input.atRiskOnly ? atRiskSql(input.atRisk, required, now) : undefined,
  );
}

/** Whether filtering or ordering these learners needs the users table. */
export const needsUsers = (input: Pick<LearnersTableInput, "query" | "sort">) =>
  input.query !== "" || input.sort === "name";

/**
 * What each sort orders by. Progress sorts by required lessons completed, which orders
 * learners exactly as the percent does (same denominator for all) and can use the index.
 */
const SORT_COLUMNS: Record<LearnerSort, SQL> = {
  name: sql`${users.name}`,
  progress: sql`${analyticsEnrollments.requiredCompleted}`,
  lastActive: sql`${analyticsEnrollments.lastActiveAt}`,
  enrolled: sql`${analyticsEnrollments.enrolledAt}`,
  quizAverage: sql`${analyticsEnrollments.quizAverage}`,
  certificate: sql`${analyticsEnrollments.certifiedAt}`,
};

/** Sorts on columns that are never null: no NULLS LAST, so the (course, column) index serves them. */
const NOT_NULL_SORTS: ReadonlySet<LearnerSort> = new Set(["name", "progress", "enrolled"]);

/**
 * ORDER BY of the table: the chosen column (empty values last either way), then the id in
 * the same direction — the order of the column's partial index (schema/analytics.ts).
 */
export function learnersOrder(sort: LearnerSort, direction: "asc" | "desc"): SQL[] {
  const dir = sql.raw(direction === "asc" ? "asc" : "desc");
  const nulls = sql.raw(NOT_NULL_SORTS.has(sort) ? "" : " nulls last");
  return [
    sql`${SORT_COLUMNS[sort]} ${dir}${nulls}`,
    sql`${analyticsEnrollments.enrollmentId} ${dir}`,
  ];
}

/** The columns of one learner row (the table's page and the export's every row). */
export function learnerColumns(atRisk: SQL<boolean>) {
  return {
    userId: analyticsEnrollments.userId,
    name: users.name,
    email: users.email,
    enrollmentId: analyticsEnrollments.enrollmentId,
    enrolledAt: analyticsEnrollments.enrolledAt,
    requiredCompleted: analyticsEnrollments.requiredCompleted,
    lessonsCompleted: analyticsEnrollments.lessonsCompleted,
    lastActiveAt: analyticsEnrollments.lastActiveAt,
    quizAverage: analyticsEnrollments.quizAverage,
    quizzesPassed: analyticsEnrollments.quizzesPassed,
    certificateId: analyticsEnrollments.certificateId,
    certifiedAt: analyticsEnrollments.certifiedAt,
    atRisk,
  };
}
