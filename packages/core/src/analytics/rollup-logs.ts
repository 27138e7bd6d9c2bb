import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../kernel";
import { type RecountTarget, recountEnrollments } from "./rollup-recount";
import {
  attemptActivity,
  eventActivity,
  optionsOf,
  playsOf,
  questionsOf,
  scoresOf,
} from "./rollup-sources";
import { utcDay, utcWeek } from "./rollup-sql";

/** What one batch of a log applied. */
export interface BatchCounts {
  rows: number;
  recounted: number;
}

/** Applies progress events with seq in (from, to]: plays, activity, then their enrollments. */
export async function applyEventBatch(
  tx: Transaction,
  from: number,
  to: number,
): Promise<BatchCounts> {
  const where = sql`pe.seq > ${from} and pe.seq <= ${to}`;
  await tx.execute(sql`
    insert into analytics_video_seconds as v (lesson_id, second, plays)
    select * from (${playsOf(where)}) p order by 1, 2
    on conflict (lesson_id, second) do update set plays = v.plays + excluded.plays`);
  await applyActivity(tx, eventActivity(where));
  return recountTouched(tx, eventActivity(where));
}

/** Applies quiz attempts with seq in (from, to]: scores, questions, options, activity. */
export async function applyAttemptBatch(
  tx: Transaction,
  from: number,
  to: number,
): Promise<BatchCounts> {
  const where = sql`qa.seq > ${from} and qa.seq <= ${to}`;
  await tx.execute(sql`
    insert into analytics_quiz_scores as s (lesson_id, band, attempts, passed, score_sum)
    select * from (${scoresOf(where)}) x order by 1, 2
    on conflict (lesson_id, band) do update set
      attempts = s.attempts + excluded.attempts, passed = s.passed + excluded.passed,
      score_sum = s.score_sum + excluded.score_sum`);
  await tx.execute(sql`
    insert into analytics_quiz_questions as q (lesson_id, question_id, band, attempts, correct)
    select * from (${questionsOf(where)}) x order by 1, 2, 3
    on conflict (lesson_id, question_id, band) do update set
      attempts = q.attempts + excluded.attempts, correct = q.correct + excluded.correct`);
  await tx.execute(sql`
    insert into analytics_quiz_options as o (lesson_id, question_id, option_id, chosen)
    select * from (${optionsOf(where)}) x order by 1, 2, 3
    on conflict (lesson_id, question_id, option_id) do update set
      chosen = o.chosen + excluded.chosen`);
  await applyActivity(tx, attemptActivity(where));
  return recountTouched(tx, attemptActivity(where));
}

/**
 * Records the (enrollment, day) and (enrollment, week) pairs of `activity` and counts in the
 * course's day / week only the pairs that were not there yet: distinct learners, exactly.
 */
async function applyActivity(tx: Transaction, activity: SQL) {
  const periods = [
    {
      table: sql`analytics_active_days`,
      column: sql`day`,
      of: utcDay,
      totals: sql`analytics_course_days`,
    },
    {
      table: sql`analytics_active_weeks`,
      column: sql`week`,
      of: utcWeek,
      totals: sql`analytics_course_weeks`,
    },
  ];
  for (const p of periods) {
    await tx.execute(sql`
      with acts as (
        select distinct a.enrollment_id, e.course_id, ${p.of(sql`a.at`)} as period
        from (${activity}) a join enrollments e on e.id = a.enrollment_id
      ),
      fresh as (
        insert into ${p.table} (enrollment_id, ${p.column})
        select enrollment_id, period from acts order by 1, 2
        on conflict do nothing
        returning enrollment_id, ${p.column} as period
      )
      insert into ${p.totals} as t (course_id, ${p.column}, active)
      select acts.course_id, fresh.period, count(*)::int
      from fresh join acts using (enrollment_id, period)
      group by 1, 2 order by 1, 2
      on conflict (course_id, ${p.column}) do update set active = t.active + excluded.active`);
  }
}

/** Recounts the enrollments a batch touched, with the latest activity it brought each. */
async function recountTouched(tx: Transaction, activity: SQL): Promise<BatchCounts> {
  const { rows } = await tx.execute<{ id: string; at: string; n: number }>(sql`
    select a.enrollment_id as id, max(a.at)::text as at, count(*)::int as n
    from (${activity}) a group by 1`);
  const targets: RecountTarget[] = rows.map((r) => ({ id: r.id, activeAt: r.at }));
  const recounted = await recountEnrollments(tx, targets);
  return { rows: rows.reduce((sum, r) => sum + r.n, 0), recounted };
}
