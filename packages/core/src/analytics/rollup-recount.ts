import { sql } from "drizzle-orm";
import type { Transaction } from "../kernel";
import { pointsIn, stopSecondOf, tenthsIn, utcDay } from "./rollup-sql";

/** An enrollment to recount, with the latest activity of the rows that touched it (if any). */
export interface RecountTarget {
  id: string;
  /** ISO time of its latest event / attempt in the batch; null when only its state changed. */
  activeAt: string | null;
}

/**
 * Recounts enrollments (ADR 0024): compares what each one's lesson_progress rows and
 * enrollment/certificate state are now with what the rollup last counted for it (the
 * analytics_lesson_learners and analytics_enrollments rows), applies exactly the difference to
 * the aggregate tables, and stores the new counted state. Running it again applies nothing.
 * Returns how many enrollments had anything to apply.
 */
export async function recountEnrollments(
  tx: Transaction,
  targets: readonly RecountTarget[],
): Promise<number> {
  if (targets.length === 0) return 0;
  const input = JSON.stringify(targets.map((t) => ({ id: t.id, at: t.activeAt })));
  await recountLessons(tx, input);
  return recountEnrollmentRows(tx, input);
}

const targetsOf = (input: string) => sql`(
  select (x->>'id')::uuid as enrollment_id, max((x->>'at')::timestamptz) as active_at
  from json_array_elements(${input}::json) as x group by 1)`;

/** Per (enrollment, lesson): the funnel, the video totals and the retention points. */
async function recountLessons(tx: Transaction, input: string) {
  const { rows } = await tx.execute<{ empty_lessons: string[]; empty_seconds: string }>(sql`
    with t as ${targetsOf(input)},
    cur as (
      select lp.enrollment_id, lp.lesson_id, m.course_id, true as present,
        lp.completed_at is not null as completed, lp.coverage,
        ${stopSecondOf(sql`le.kind`, sql`lp.completed_at`, sql`lp.position_seconds`)} as stop_second
      from t
      join lesson_progress lp on lp.enrollment_id = t.enrollment_id
      join lessons le on le.id = lp.lesson_id
      join modules m on m.id = le.module_id
    ),
    old as (
      select ll.*, true as present
      from t join analytics_lesson_learners ll on ll.enrollment_id = t.enrollment_id
    ),
    diff as (
      select enrollment_id, lesson_id, coalesce(c.course_id, o.course_id) as course_id,
        c.present is not null as now_in, o.present is not null as was_in,
        coalesce(c.completed, false) as now_done, coalesce(o.completed, false) as was_done,
        coalesce(c.coverage, '{}') as now_cov, coalesce(o.coverage, '{}') as was_cov,
        c.stop_second as now_stop, o.stop_second as was_stop
      from cur c full join old o using (enrollment_id, lesson_id)
      where c.present is null or o.present is null
        or (c.completed, c.coverage, c.stop_second)
          is distinct from (o.completed, o.coverage, o.stop_second)
    ),
    lesson_delta as (
      select lesson_id, course_id,
        sum(now_in::int - was_in::int) as started,
        sum(now_done::int - was_done::int) as completed,
        sum((not isempty(now_cov))::int - (not isempty(was_cov))::int) as viewers,
        sum(${tenthsIn(sql`now_cov`)} - ${tenthsIn(sql`was_cov`)}) as watched
      from diff group by 1, 2
    ),
    lessons_applied as (
      insert into analytics_lessons as a
        (lesson_id, course_id, started, completed, viewers, watched_tenths)
      select lesson_id, course_id, started, completed, viewers, watched from lesson_delta
      where (started, completed, viewers, watched) <> (0, 0, 0, 0)
      order by lesson_id
      on conflict (lesson_id) do update set
        started = a.started + excluded.started,
        completed = a.completed + excluded.completed,
        viewers = a.viewers + excluded.viewers,
        watched_tenths = a.watched_tenths + excluded.watched_tenths
      returning a.lesson_id, (a.started, a.completed, a.viewers, a.watched_tenths) = (0, 0, 0, 0)
        as empty
    ),
    -- A point newly inside the coverage gains a viewer, one no longer inside loses one (the
    -- sample point is in new − old exactly when new holds it and old does not).
    second_delta as (
      select d.lesson_id, p.s as second, 1 as viewers, 0 as stops
      from diff d cross join lateral ${pointsIn(sql`d.now_cov - d.was_cov`)} p
      union all
      select d.lesson_id, p.s, -1, 0
      from diff d cross join lateral ${pointsIn(sql`d.was_cov - d.now_cov`)} p
      union all
      select lesson_id, now_stop, 0, 1 from diff where now_stop is not null
      union all
      select lesson_id, was_stop, 0, -1 from diff where was_stop is not null
    ),
    seconds_applied as (
      insert into analytics_video_seconds as v (lesson_id, second, viewers, stops)
      select lesson_id, second, sum(viewers), sum(stops) from second_delta
      group by 1, 2 having (sum(viewers), sum(stops)) <> (0, 0)
      order by 1, 2
      on conflict (lesson_id, second) do update set
        viewers = v.viewers + excluded.viewers, stops = v.stops + excluded.stops
      returning v.lesson_id, v.second, (v.viewers, v.plays, v.stops) = (0, 0, 0) as empty
    ),
    forgotten as (
      delete from analytics_lesson_learners ll using diff d
      where ll.enrollment_id = d.enrollment_id and ll.lesson_id = d.lesson_id and not d.now_in
    ),
    stored as (
      insert into analytics_lesson_learners as ll
        (enrollment_id, lesson_id, course_id, completed, coverage, stop_second)
      select enrollment_id, lesson_id, course_id, now_done, now_cov, now_stop
      from diff where now_in
      on conflict (enrollment_id, lesson_id) do update set
        course_id = excluded.course_id, completed = excluded.completed,
        coverage = excluded.coverage, stop_second = excluded.stop_second
    )
    select
      (select coalesce(json_agg(lesson_id), '[]') from lessons_applied where empty)
        as empty_lessons,
      (select coalesce(json_agg(json_build_array(lesson_id, second)), '[]')::text
        from seconds_applied where empty) as empty_seconds`);
  const row = rows[0];
  // Rows whose counts all went back to 0 are removed: the rebuild never writes such rows.
  if (row && row.empty_lessons.length > 0) {
    await tx.execute(sql`delete from analytics_lessons
      where lesson_id in (select value::uuid from json_array_elements_text(${JSON.stringify(row.empty_lessons)}::json))
        and (started, completed, viewers, watched_tenths) = (0, 0, 0, 0)`);
  }
  if (row && row.empty_seconds !== "[]") {
    await tx.execute(sql`delete from analytics_video_seconds v
      using json_array_elements(${row.empty_seconds}::json) as k
      where v.lesson_id = (k->>0)::uuid and v.second = (k->>1)::int
        and (v.viewers, v.plays, v.stops) = (0, 0, 0)`);
  }
}

/** Per enrollment: the learners table row, and its days in analytics_course_days. */
async function recountEnrollmentRows(tx: Transaction, input: string): Promise<number> {
  const { rows } = await tx.execute<{ changed: number; empty_days: string }>(sql`
    with t as ${targetsOf(input)},
    fresh as (
      select e.id as enrollment_id, e.course_id, e.user_id, e.enrolled_at, e.unenrolled_at,
        coalesce(l.started, 0) as lessons_started, coalesce(l.completed, 0) as lessons_completed,
        coalesce(l.required, 0) as required_completed,
        greatest(o.last_active_at, t.active_at) as last_active_at,
        q.average as quiz_average, coalesce(q.passed, 0) as quizzes_passed,
        e.completed_at, c.id as certificate_id, c.issued_at as certified_at
      from t
      join enrollments e on e.id = t.enrollment_id
      left join analytics_enrollments o on o.enrollment_id = e.id
      left join lateral ${lessonCounts(sql`e.id`)} l on true
      left join lateral ${quizStanding(sql`e.id`)} q on true
      left join certificates c on c.enrollment_id = e.id and c.revoked_at is null
    ),
    changed as (
      select f.*, o.enrolled_at as was_enrolled, o.unenrolled_at as was_unenrolled,
        o.completed_at as was_completed, o.certified_at as was_certified,
        o.enrollment_id is not null as counted
      from fresh f left join analytics_enrollments o using (enrollment_id)
      where o.enrollment_id is null
        or (f.course_id, f.user_id, f.enrolled_at, f.unenrolled_at, f.lessons_started,
          f.lessons_completed, f.required_completed, f.last_active_at, f.quiz_average,
          f.quizzes_passed, f.completed_at, f.certificate_id, f.certified_at)
        is distinct from (o.course_id, o.user_id, o.enrolled_at, o.unenrolled_at,
          o.lessons_started, o.lessons_completed, o.required_completed, o.last_active_at,
          o.quiz_average, o.quizzes_passed, o.completed_at, o.certificate_id, o.certified_at)
    ),
    -- Each timestamp counts +1 on its day now and −1 on the day it was counted on before.
    day_delta as (
      select course_id, day, sum(enrolled) as enrolled, sum(unenrolled) as unenrolled,
        sum(completed) as completed, sum(certified) as certified
      from (
        select course_id, ${utcDay(sql`enrolled_at`)} as day, 1 as enrolled, 0 as unenrolled,
          0 as completed, 0 as certified from changed
        union all select course_id, ${utcDay(sql`was_enrolled`)}, -1, 0, 0, 0
          from changed where counted
        union all select course_id, ${utcDay(sql`unenrolled_at`)}, 0, 1, 0, 0
          from changed where unenrolled_at is not null
        union all select course_id, ${utcDay(sql`was_unenrolled`)}, 0, -1, 0, 0
          from changed where was_unenrolled is not null
        union all select course_id, ${utcDay(sql`completed_at`)}, 0, 0, 1, 0
          from changed where completed_at is not null
        union all select course_id, ${utcDay(sql`was_completed`)}, 0, 0, -1, 0
          from changed where was_completed is not null
        union all select course_id, ${utcDay(sql`certified_at`)}, 0, 0, 0, 1
          from changed where certified_at is not null
        union all select course_id, ${utcDay(sql`was_certified`)}, 0, 0, 0, -1
          from changed where was_certified is not null
      ) x
      group by 1, 2
      having (sum(enrolled), sum(unenrolled), sum(completed), sum(certified)) <> (0, 0, 0, 0)
    ),
    days_applied as (
      insert into analytics_course_days as d
        (course_id, day, enrolled, unenrolled, completed, certified)
      select * from day_delta order by course_id, day
      on conflict (course_id, day) do update set
        enrolled = d.enrolled + excluded.enrolled,
        unenrolled = d.unenrolled + excluded.unenrolled,
        completed = d.completed + excluded.completed,
        certified = d.certified + excluded.certified
      returning d.course_id, d.day,
        (d.enrolled, d.unenrolled, d.completed, d.certified, d.active) = (0, 0, 0, 0, 0) as empty
    ),
    stored as (
      insert into analytics_enrollments as a (enrollment_id, course_id, user_id, enrolled_at,
        unenrolled_at, lessons_started, lessons_completed, required_completed, last_active_at,
        quiz_average, quizzes_passed, completed_at, certificate_id, certified_at)
      select enrollment_id, course_id, user_id, enrolled_at, unenrolled_at, lessons_started,
        lessons_completed, required_completed, last_active_at, quiz_average, quizzes_passed,
        completed_at, certificate_id, certified_at
      from changed order by enrollment_id
      on conflict (enrollment_id) do update set
        course_id = excluded.course_id, user_id = excluded.user_id,
        enrolled_at = excluded.enrolled_at, unenrolled_at = excluded.unenrolled_at,
        lessons_started = excluded.lessons_started,
        lessons_completed = excluded.lessons_completed,
        required_completed = excluded.required_completed,
        last_active_at = excluded.last_active_at, quiz_average = excluded.quiz_average,
        quizzes_passed = excluded.quizzes_passed, completed_at = excluded.completed_at,
        certificate_id = excluded.certificate_id, certified_at = excluded.certified_at
    )
    select (select count(*)::int from changed) as changed,
      (select coalesce(json_agg(json_build_array(course_id, day)), '[]')::text
        from days_applied where empty) as empty_days`);
  const row = rows[0];
  if (row && row.empty_days !== "[]") {
    await tx.execute(sql`delete from analytics_course_days d
      using json_array_elements(${row.empty_days}::json) as k
      where d.course_id = (k->>0)::uuid and d.day = (k->>1)::date
        and (d.enrolled, d.unenrolled, d.completed, d.certified, d.active) = (0, 0, 0, 0, 0)`);
  }
  return row?.changed ?? 0;
}

/** One row (started, completed, required): an enrollment's lesson_progress rows, counted. */
export const lessonCounts = (enrollmentId: ReturnType<typeof sql>) => sql`(
  select count(*)::int as started, count(lp.completed_at)::int as completed,
    count(lp.completed_at) filter (where not le.is_optional)::int as required
  from lesson_progress lp join lessons le on le.id = lp.lesson_id
  where lp.enrollment_id = ${enrollmentId})`;

/**
 * One row (average, passed): the mean over the quizzes an enrollment attempted of its best
 * score (null before any attempt), and how many of them it passed.
 */
export const quizStanding = (enrollmentId: ReturnType<typeof sql>) => sql`(
  select avg(best)::real as average, count(*) filter (where passed)::int as passed
  from (select max(qa.score_percent) as best, bool_or(qa.passed) as passed
    from quiz_attempts qa where qa.enrollment_id = ${enrollmentId}
    group by qa.lesson_id) q)`;
