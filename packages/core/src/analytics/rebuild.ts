import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../kernel";
import { beginRollupWork, type Horizon, readHorizon, SOURCES } from "./rollup-cursors";
import { lessonCounts, quizStanding } from "./rollup-recount";
import {
  attemptActivity,
  eventActivity,
  optionsOf,
  playsOf,
  questionsOf,
  scoresOf,
} from "./rollup-sources";
import { pointsIn, stopSecondOf, tenthsIn, utcDay, utcWeek } from "./rollup-sql";

/** Every rollup table the rebuild recomputes (analytics_exports is an audit log: kept). */
export const ROLLUP_TABLES = [
  "analytics_cursors",
  "analytics_enrollments",
  "analytics_lesson_learners",
  "analytics_lessons",
  "analytics_video_seconds",
  "analytics_course_days",
  "analytics_course_weeks",
  "analytics_active_days",
  "analytics_active_weeks",
  "analytics_quiz_questions",
  "analytics_quiz_scores",
  "analytics_quiz_options",
] as const;

/**
 * Recomputes every rollup from the source rows in one transaction (ADR 0024): the from-scratch
 * definition the incremental rollup must equal. Log rows count up to the horizon read first;
 * the cursors are left at it, so the next rollup continues from there. Holds the run lock (no
 * rollup batch interleaves) but not the write lock: progress and quizzes keep being written.
 * Event-log figures (plays, activity) of months retention has dropped (ADR 0029) are no longer
 * in the log: the rebuild leaves them out, where the incremental rollup had kept them.
 */
export async function rebuildAnalytics({ db }: { db: Database }): Promise<{ ms: number }> {
  const started = performance.now();
  // Read before the rebuild's transaction: a rollup batch that commits in between is undone
  // by the truncate, and its rows are applied again after the cursors return to this horizon.
  const horizon = await readHorizon(db);
  await db.transaction(async (tx) => {
    await beginRollupWork(tx);
    await rebuildInto(tx, horizon);
  });
  // Truncated and refilled in one transaction, the tables keep no statistics until
  // autovacuum comes by: meanwhile the planner takes 100k rows for a handful (nested loops,
  // seconds per dashboard read). Gather them now.
  await db.execute(sql.raw(`analyze ${ROLLUP_TABLES.join(", ")}`));
  return { ms: Math.round(performance.now() - started) };
}

async function rebuildInto(tx: Transaction, h: Horizon) {
  const events = sql`pe.seq <= ${h.events}`;
  const attempts = sql`qa.seq <= ${h.attempts}`;
  await tx.execute(sql.raw(`truncate ${ROLLUP_TABLES.join(", ")}`));

  await tx.execute(sql`
    insert into analytics_lesson_learners
      (enrollment_id, lesson_id, course_id, completed, coverage, stop_second)
    select lp.enrollment_id, lp.lesson_id, m.course_id, lp.completed_at is not null, lp.coverage,
      ${stopSecondOf(sql`le.kind`, sql`lp.completed_at`, sql`lp.position_seconds`)}
    from lesson_progress lp
    join lessons le on le.id = lp.lesson_id join modules m on m.id = le.module_id`);
  await tx.execute(sql`
    insert into analytics_lessons (lesson_id, course_id, started, completed, viewers, watched_tenths)
    select lp.lesson_id, m.course_id, count(*), count(lp.completed_at),
      count(*) filter (where not isempty(lp.coverage)), sum(${tenthsIn(sql`lp.coverage`)})
    from lesson_progress lp
    join lessons le on le.id = lp.lesson_id join modules m on m.id = le.module_id
    group by 1, 2`);
  await tx.execute(sql`
    insert into analytics_video_seconds (lesson_id, second, viewers, plays, stops)
    select lesson_id, second, sum(viewers), sum(plays), sum(stops) from (
      select lp.lesson_id, p.s as second, 1 as viewers, 0 as plays, 0 as stops
      from lesson_progress lp cross join lateral ${pointsIn(sql`lp.coverage`)} p
      union all
      select lesson_id, second, 0, plays, 0 from (${playsOf(events)}) x
      union all
      select lp.lesson_id, ${stopSecondOf(sql`le.kind`, sql`lp.completed_at`, sql`lp.position_seconds`)}, 0, 0, 1
      from lesson_progress lp join lessons le on le.id = lp.lesson_id
      where le.kind = 'video' and lp.completed_at is null
    ) x group by 1, 2`);

  for (const [table, column, of] of [
    [sql`analytics_active_days`, sql`day`, utcDay],
    [sql`analytics_active_weeks`, sql`week`, utcWeek],
  ] as const) {
    await tx.execute(sql`
      insert into ${table} (enrollment_id, ${column})
      select distinct a.enrollment_id, ${of(sql`a.at`)} from (
        ${eventActivity(events)} union all ${attemptActivity(attempts)}) a`);
  }
  await tx.execute(sql`
    insert into analytics_course_days
      (course_id, day, enrolled, unenrolled, completed, certified, active)
    select course_id, day, sum(enrolled), sum(unenrolled), sum(completed), sum(certified),
      sum(active)
    from (
      select course_id, ${utcDay(sql`enrolled_at`)} as day, 1 as enrolled, 0 as unenrolled,
        0 as completed, 0 as certified, 0 as active from enrollments
      union all select course_id, ${utcDay(sql`unenrolled_at`)}, 0, 1, 0, 0, 0
        from enrollments where unenrolled_at is not null
      union all select course_id, ${utcDay(sql`completed_at`)}, 0, 0, 1, 0, 0
        from enrollments where completed_at is not null
      union all select e.course_id, ${utcDay(sql`c.issued_at`)}, 0, 0, 0, 1, 0
        from certificates c join enrollments e on e.id = c.enrollment_id
        where c.revoked_at is null
      union all select e.course_id, d.day, 0, 0, 0, 0, 1
        from analytics_active_days d join enrollments e on e.id = d.enrollment_id
    ) x group by 1, 2`);
  await tx.execute(sql`
    insert into analytics_course_weeks (course_id, week, active)
    select e.course_id, w.week, count(*)
    from analytics_active_weeks w join enrollments e on e.id = w.enrollment_id
    group by 1, 2`);

  await tx.execute(sql`
    insert into analytics_enrollments (enrollment_id, course_id, user_id, enrolled_at,
      unenrolled_at, lessons_started, lessons_completed, required_completed, last_active_at,
      quiz_average, quizzes_passed, completed_at, certificate_id, certified_at)
    select e.id, e.course_id, e.user_id, e.enrolled_at, e.unenrolled_at,
      l.started, l.completed, l.required,
      greatest((select max(pe.received_at) from progress_events pe
          where pe.enrollment_id = e.id and ${events}),
        (select max(qa.submitted_at) from quiz_attempts qa
          where qa.enrollment_id = e.id and ${attempts})),
      q.average, q.passed, e.completed_at, c.id, c.issued_at
    from enrollments e
    cross join lateral ${lessonCounts(sql`e.id`)} l
    cross join lateral ${quizStanding(sql`e.id`)} q
    left join certificates c on c.enrollment_id = e.id and c.revoked_at is null`);

  await tx.execute(sql`
    insert into analytics_quiz_scores (lesson_id, band, attempts, passed, score_sum)
    ${scoresOf(attempts)}`);
  await tx.execute(sql`
    insert into analytics_quiz_questions (lesson_id, question_id, band, attempts, correct)
    ${questionsOf(attempts)}`);
  await tx.execute(sql`
    insert into analytics_quiz_options (lesson_id, question_id, option_id, chosen)
    ${optionsOf(attempts)}`);

  const asOf = sql`to_timestamp(${h.at} / 1000.0)`;
  await tx.execute(sql`
    insert into analytics_cursors (source, position, updated_at) values
      (${SOURCES.events}, ${h.events}, ${asOf}),
      (${SOURCES.attempts}, ${h.attempts}, ${asOf}),
      (${SOURCES.state}, ${h.at}, ${asOf})`);
}
