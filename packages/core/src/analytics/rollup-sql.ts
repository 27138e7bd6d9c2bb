import { type SQL, sql } from "drizzle-orm";

/**
 * SQL pieces both the incremental rollup and the rebuild use, so the two agree on what a
 * day, a week, a retention point and a score band are (ADR 0024). Units: tenths of a second.
 */

/** The UTC day of a timestamptz (never the session's time zone). */
export const utcDay = (at: SQL) => sql`((${at}) at time zone 'UTC')::date`;

/** The Monday (UTC) of a timestamptz's week. */
export const utcWeek = (at: SQL) => sql`date_trunc('week', (${at}) at time zone 'UTC')::date`;

/** Tenths covered by an int4multirange expression. */
export const tenthsIn = (ranges: SQL) =>
  sql`(select coalesce(sum(upper(r) - lower(r)), 0) from unnest(${ranges}) as r)`;

/**
 * A lateral set of the retention points (column `s`) inside an int4multirange: second s is
 * sampled at tenth 10·s + 5, so [lo, hi) holds the s with lo ≤ 10·s + 5 < hi.
 */
export const pointsIn = (ranges: SQL) => sql`(
  select s from unnest(${ranges}) as r
  cross join lateral generate_series(ceil((lower(r) - 5) / 10.0)::int,
    ceil((upper(r) - 5) / 10.0)::int - 1) as s)`;

/**
 * The part of a lesson's timeline an event's claim can play, as the progress write path cuts
 * coverage (progress/coverage-sql.ts lessonBounds): [0, duration) for a video with a known
 * duration, the first day for one without, nothing for other kinds. `lesson` and `asset` are
 * the aliases of the lessons and video_assets rows.
 */
export const timelineOf = (lesson: SQL, asset: SQL) => sql`case
    when ${lesson}.kind <> 'video' then '{}'::int4multirange
    when ${asset}.duration_seconds > 0
      then int4multirange(int4range(0, ceil(${asset}.duration_seconds * 10)::int))
    else int4multirange(int4range(0, 864000))
  end`;

/** An attempt's score band: 0–9 for each 10 %, 10 for a full score. */
export const bandOf = (scorePercent: SQL) =>
  sql`least(10, floor((${scorePercent}) / 10))::smallint`;

/** Where the learner of an unfinished video lesson is: the second of its position. */
export const stopSecondOf = (kind: SQL, completedAt: SQL, positionSeconds: SQL) =>
  sql`case when ${kind} = 'video' and ${completedAt} is null
    then floor(${positionSeconds})::int end`;
