import { analyticsEnrollments, type Database } from "@lumen/db";
import { count, eq, sql } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import type { SessionUser } from "../kernel";
import type { OverviewInput } from "./inputs";
import { rollupAsOf, shareOf } from "./shared";
import type { CourseOverview, OverviewPoint, PeriodTotals } from "./types";

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The overview tab from the day and week rollups: one point per day (or week, its Monday) of
 * the range, zeros where nothing happened so the chart has every period; totals of the range
 * and of the range of equal length just before; and the course as it stands now.
 */
export async function getCourseOverview({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: OverviewInput;
}): Promise<CourseOverview> {
  await assertCanEditCourse(db, user, input.courseId);
  const from = Date.parse(`${input.from}T00:00:00Z`);
  const to = Date.parse(`${input.to}T00:00:00Z`);
  const days = Math.round((to - from) / DAY_MS) + 1;
  const previousRange = { from: isoDay(from - days * DAY_MS), to: isoDay(from - DAY_MS) };
  const range = { from: input.from, to: input.to };
  const [asOf, series, totals, previousTotals, current] = await Promise.all([
    rollupAsOf(db),
    overviewSeries(db, input),
    periodTotals(db, input.courseId, range, days),
    periodTotals(db, input.courseId, previousRange, days),
    currentStanding(db, input.courseId),
  ]);
  return {
    asOf,
    granularity: input.granularity,
    range,
    previousRange,
    series,
    totals,
    previousTotals,
    current,
  };
}

/**
 * Every period of the range with its counts. A week's enrollments, completions and
 * certificates are its days inside the range (so the series adds up to the totals); its
 * active learners are the week's distinct ones (analytics_course_weeks).
 */
async function overviewSeries(db: Database, input: OverviewInput): Promise<OverviewPoint[]> {
  const weekly = input.granularity === "week";
  const first = weekly ? sql`date_trunc('week', ${input.from}::date)` : sql`${input.from}::date`;
  const bucket = weekly ? sql`date_trunc('week', d.day)::date` : sql`d.day`;
  const active = weekly ? sql`w.active` : sql`agg.active`;
  const weeks = weekly
    ? sql`left join analytics_course_weeks w
        on w.course_id = ${input.courseId} and w.week = periods.period`
    : sql``;
  const step = weekly ? "1 week" : "1 day";
  const { rows } = await db.execute<{
    period: string;
    enrolled: number;
    unenrolled: number;
    active: number;
    completed: number;
    certified: number;
  }>(sql`
    with periods as (
      select p::date as period
      from generate_series(${first}, ${input.to}::date, ${step}::interval) p),
    agg as (
      select ${bucket} as period, sum(d.enrolled)::int as enrolled,
        sum(d.unenrolled)::int as unenrolled, sum(d.completed)::int as completed,
        sum(d.certified)::int as certified, sum(d.active)::int as active
      from analytics_course_days d
      where d.course_id = ${input.courseId} and d.day between ${input.from}::date and ${input.to}::date
      group by 1)
    select periods.period::text as period, coalesce(agg.enrolled, 0) as enrolled,
      coalesce(agg.unenrolled, 0) as unenrolled, coalesce(${active}, 0)::int as active,
      coalesce(agg.completed, 0) as completed, coalesce(agg.certified, 0) as certified
    from periods
    left join agg on agg.period = periods.period
    ${weeks}
    order by periods.period`);
  return rows.map((r) => ({
    period: r.period,
    enrolled: Number(r.enrolled),
    unenrolled: Number(r.unenrolled),
    active: Number(r.active),
    completed: Number(r.completed),
    certified: Number(r.certified),
  }));
}

/** Sums of the range's days, the mean daily active learners, and the median days to complete. */
async function periodTotals(
  db: Database,
  courseId: string,
  range: { from: string; to: string },
  days: number,
): Promise<PeriodTotals> {
  const { rows } = await db.execute<{
    enrolled: number;
    unenrolled: number;
    completed: number;
    certified: number;
    active: number;
    median_days: number | null;
  }>(sql`
    select coalesce(sum(d.enrolled), 0)::int as enrolled,
      coalesce(sum(d.unenrolled), 0)::int as unenrolled,
      coalesce(sum(d.completed), 0)::int as completed,
      coalesce(sum(d.certified), 0)::int as certified,
      coalesce(sum(d.active), 0)::int as active,
      (select percentile_cont(0.5) within group (
          order by extract(epoch from e.completed_at - e.enrolled_at) / 86400)
        from analytics_enrollments e
        where e.course_id = ${courseId}
          and e.completed_at >= ${range.from}::date
          and e.completed_at < ${range.to}::date + 1)::float8 as median_days
    from analytics_course_days d
    where d.course_id = ${courseId} and d.day between ${range.from}::date and ${range.to}::date`);
  const row = rows[0];
  const median = row?.median_days ?? null;
  return {
    enrolled: Number(row?.enrolled ?? 0),
    unenrolled: Number(row?.unenrolled ?? 0),
    completed: Number(row?.completed ?? 0),
    certified: Number(row?.certified ?? 0),
    averageDailyActive: round(Number(row?.active ?? 0) / days, 2),
    medianDaysToComplete: median === null ? null : round(Number(median), 1),
  };
}

/** The course now: active and all enrollments, completions, live certificates. */
async function currentStanding(db: Database, courseId: string) {
  const e = analyticsEnrollments;
  const [row] = await db
    .select({
      everEnrolled: count(),
      enrolled: count(sql`case when ${e.unenrolledAt} is null then 1 end`),
      completed: count(e.completedAt),
      certified: count(e.certificateId),
    })
    .from(e)
    .where(eq(e.courseId, courseId));
  const everEnrolled = Number(row?.everEnrolled ?? 0);
  const completed = Number(row?.completed ?? 0);
  return {
    enrolled: Number(row?.enrolled ?? 0),
    everEnrolled,
    completed,
    completionRate: shareOf(completed, everEnrolled),
    certified: Number(row?.certified ?? 0),
  };
}

const round = (n: number, places: number) => {
  const f = 10 ** places;
  return Math.round(n * f) / f;
};
