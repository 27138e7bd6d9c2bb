import { MAX_PLAYBACK_RATE } from "@lumen/shared";
import { type SQL, sql } from "drizzle-orm";
import { TENTHS_PER_SECOND } from "./coverage";
import { PROGRESS_SECONDS_MAX } from "./inputs";

/**
 * SQL pieces of the coverage rule (ADR 0007), shared by the insert and the update branch of
 * the progress write so both apply it identically. Units: tenths of a second.
 */

/** Constants are written into the statement (they are ours, not input): typed as integers. */
const int = (n: number) => sql.raw(String(Math.round(n)));
/** Rounding of interval ends and the moment between the playback URL and the first frame. */
const SLACK_TENTHS = int(2 * TENTHS_PER_SECOND);
const DAY_TENTHS = int(PROGRESS_SECONDS_MAX * TENTHS_PER_SECOND);
const TENTHS = int(TENTHS_PER_SECOND);
/** Completion at 90 % of the duration: 9 tenths per second of video (exact, unlike 0.9 × 10). */
const COMPLETE_TENTHS_PER_SECOND = int(0.9 * TENTHS_PER_SECOND);
/** Tenths of coverage one second of wall-clock time allows at the player's top speed. */
const TENTHS_PER_ELAPSED_SECOND = int(MAX_PLAYBACK_RATE * TENTHS_PER_SECOND);

/** Tenths covered by an int4multirange expression. */
export const tenthsOf = (coverage: SQL) =>
  sql`(select coalesce(sum(upper(part) - lower(part)), 0)::int from unnest(${coverage}) as part)`;

/**
 * One row for a learner's (enrollment, lesson): the lesson's `kind`; `timeline`, the part of
 * the video that can be covered ([0, duration); nothing for a lesson that is not a video);
 * `to_complete`, the tenths that complete it (90 % of the duration; null when unknown); and
 * `allowance`, the most coverage anyone can have watched since their playback began at the
 * player's top speed (0 if it never began). `now` is the write's clock.
 */
export const lessonBounds = (enrollmentId: SQL, lessonId: SQL, now: SQL) => sql`(
  select le.kind,
    case
      when le.kind <> 'video' then '{}'::int4multirange
      when va.duration_seconds > 0
        then int4multirange(int4range(0, ceil(va.duration_seconds * ${TENTHS})::int))
      else int4multirange(int4range(0, ${DAY_TENTHS}))
    end as timeline,
    case when le.kind = 'video' and va.duration_seconds > 0
      then ceil(va.duration_seconds * ${COMPLETE_TENTHS_PER_SECOND})::int end as to_complete,
    case when ps.started_at is null then 0 else least(${DAY_TENTHS}, ${SLACK_TENTHS}
      + floor(greatest(0, extract(epoch from ${now} - ps.started_at))
        * ${TENTHS_PER_ELAPSED_SECOND}))::int end as allowance
  from lessons le
  join enrollments e on e.id = ${enrollmentId}
  left join video_assets va on va.id = le.video_asset_id
  left join playback_starts ps on ps.user_id = e.user_id and ps.lesson_id = le.id
  where le.id = ${lessonId})`;

/**
 * One row (`coverage`, `tenths`): `covered` plus as much of `claimed` as `allowance` leaves
 * room for. Parts already covered cost nothing (a replay counts once); when the new parts
 * exceed the room, the earliest of them are credited and the rest dropped. `offset 0` keeps
 * the planner from copying each step into every place its result is used.
 */
export const creditCoverage = (covered: SQL, claimed: SQL, allowance: SQL) => sql`(
  select merged.coverage, ${tenthsOf(sql`merged.coverage`)} as tenths
  from (select greatest(0, ${allowance} - ${tenthsOf(covered)}) as room,
      ${claimed} - ${covered} as fresh offset 0) budget
  cross join lateral (
    select ${covered} + coalesce((
      select range_agg(int4range(lower(part), least(upper(part), lower(part) + budget.room - before)))
      from (
        select part, coalesce(sum(upper(part) - lower(part)) over (
          order by part rows between unbounded preceding and 1 preceding), 0)::int as before
        from unnest(budget.fresh) as part) parts
      where before < budget.room), '{}'::int4multirange) as coverage offset 0) merged
  offset 0)`;
