import { type SQL, sql } from "drizzle-orm";
import { bandOf, pointsIn, timelineOf } from "./rollup-sql";

/**
 * What a slice of the append-only logs adds to the rollups, as SELECTs over the rows that
 * `where` keeps (aliases: `pe` for progress_events, `qa` for quiz_attempts). The rollup adds
 * them per batch of seq; the rebuild takes the whole log up to its horizon. Both sum the same
 * rows, so the totals agree whatever the batch boundaries.
 */

/** Plays per (lesson_id, second): every event whose claim (cut to the timeline) holds it. */
export const playsOf = (where: SQL) => sql`
  select pe.lesson_id, p.s as second, count(*)::int as plays
  from progress_events pe
  join lessons le on le.id = pe.lesson_id and le.kind = 'video'
  left join video_assets va on va.id = le.video_asset_id
  cross join lateral ${pointsIn(sql`pe.watched * ${timelineOf(sql`le`, sql`va`)}`)} p
  where ${where}
  group by pe.lesson_id, p.s`;

/** Attempts and passes per (lesson_id, band). */
export const scoresOf = (where: SQL) => sql`
  select qa.lesson_id, ${bandOf(sql`qa.score_percent`)} as band,
    count(*)::int as attempts, count(*) filter (where qa.passed)::int as passed,
    sum(qa.score_percent::numeric) as score_sum
  from quiz_attempts qa
  where ${where}
  group by 1, 2`;

/** Attempts and correct answers per (lesson_id, question_id, band), from the stored feedback. */
export const questionsOf = (where: SQL) => sql`
  select qa.lesson_id, (f->>'questionId')::uuid as question_id,
    ${bandOf(sql`qa.score_percent`)} as band, count(*)::int as attempts,
    count(*) filter (where (f->>'correct')::boolean)::int as correct
  from quiz_attempts qa
  cross join lateral jsonb_array_elements(qa.feedback) as f
  where ${where} and f ? 'questionId'
  group by 1, 2, 3`;

/**
 * Choices per (lesson_id, question_id, option_id): each option picked in a choice response
 * once per attempt, and "true" / "false" for a true/false one.
 */
export const optionsOf = (where: SQL) => sql`
  select qa.lesson_id, a.key::uuid as question_id, o.option_id, count(*)::int as chosen
  from quiz_attempts qa
  cross join lateral jsonb_each(qa.answers) as a
  cross join lateral (
    select distinct v as option_id from jsonb_array_elements_text(
      case when a.value->>'kind' = 'choice' and jsonb_typeof(a.value->'optionIds') = 'array'
        then a.value->'optionIds' else '[]'::jsonb end) as v
    union all
    select a.value->>'value' where a.value->>'kind' = 'boolean'
  ) o
  where ${where}
  group by 1, 2, 3`;

/** Activity: (enrollment_id, at) for each event received and each attempt submitted. */
export const eventActivity = (where: SQL) =>
  sql`select pe.enrollment_id, pe.received_at as at from progress_events pe where ${where}`;
export const attemptActivity = (where: SQL) =>
  sql`select qa.enrollment_id, qa.submitted_at as at from quiz_attempts qa where ${where}`;
