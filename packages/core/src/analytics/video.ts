import { analyticsLessons, type Database } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import type { SessionUser } from "../kernel";
import type { AnalyticsCourseInput, AnalyticsLessonInput } from "./inputs";
import { courseOutline, lessonOfCourse, rollupAsOf, shareOf } from "./shared";
import type { RetentionPoint, VideoEngagement, VideoSummary } from "./types";

/** The most points a retention curve has: longer videos are downsampled into buckets. */
export const RETENTION_POINTS_MAX = 300;
/** A stretch counts as re-watched when it was played this many times per viewer… */
const REWATCH_RATIO = 1.5;
/** …for at least this many consecutive seconds. */
const REWATCH_SECONDS_MIN = 2;
const TOP = 5;

/**
 * The seconds of a video the retention rollup samples (ADR 0024): second s is sampled at
 * tenth 10s+5 of the timeline [0, ceil(duration × 10)), so a 60.3 s video has 60 of them.
 */
export function sampledSeconds(durationSeconds: number | null): number {
  if (!durationSeconds || durationSeconds <= 0) return 0;
  const tenths = Math.ceil(durationSeconds * 10);
  return tenths >= 6 ? Math.floor((tenths - 6) / 10) + 1 : 0;
}

/** Viewers' covered tenths over what they could have covered, 0 without viewers or duration. */
const watchedShare = (tenths: number, viewers: number, duration: number | null) =>
  duration && duration > 0 ? Math.min(1, shareOf(tenths, viewers * Math.ceil(duration * 10))) : 0;

/** Every video lesson of the course in outline order, with its viewers and watched share. */
export async function listVideoEngagement({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: AnalyticsCourseInput;
}): Promise<{ asOf: string | null; videos: VideoSummary[] }> {
  await assertCanEditCourse(db, user, input.courseId);
  const [asOf, outline, totals] = await Promise.all([
    rollupAsOf(db),
    courseOutline(db, input.courseId),
    db.select().from(analyticsLessons).where(eq(analyticsLessons.courseId, input.courseId)),
  ]);
  const byLesson = new Map(totals.map((t) => [t.lessonId, t]));
  const videos = outline
    .filter((lesson) => lesson.kind === "video")
    .map((lesson): VideoSummary => {
      const t = byLesson.get(lesson.lessonId);
      const viewers = t?.viewers ?? 0;
      return {
        lessonId: lesson.lessonId,
        title: lesson.title,
        durationSeconds: lesson.durationSeconds,
        viewers,
        completed: t?.completed ?? 0,
        averageWatchedShare: watchedShare(t?.watchedTenths ?? 0, viewers, lesson.durationSeconds),
      };
    });
  return { asOf, videos };
}

/**
 * One video's audience retention. Videos longer than 300 s are downsampled into buckets of
 * ceil(seconds / 300) seconds: a bucket's viewers (and so retention) are those of its first
 * second, as the curve's value where the bucket starts; its plays are the most any of its
 * seconds had (a re-watched moment inside it still shows); its stops are the sum (every stop
 * in it is one). Re-watched stretches and stop points are found per second, not per bucket.
 */
export async function getVideoEngagement({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: AnalyticsLessonInput;
}): Promise<VideoEngagement> {
  await assertCanEditCourse(db, user, input.courseId);
  const lesson = await lessonOfCourse(db, input.courseId, input.lessonId, "video");
  const seconds = sampledSeconds(lesson.durationSeconds);
  const bucket = Math.max(1, Math.ceil(seconds / RETENTION_POINTS_MAX));
  const [asOf, [totals], buckets, rewatched, stops] = await Promise.all([
    rollupAsOf(db),
    db.select().from(analyticsLessons).where(eq(analyticsLessons.lessonId, lesson.id)),
    retentionBuckets(db, lesson.id, seconds, bucket),
    rewatchedSegments(db, lesson.id, seconds),
    db.execute<{ second: number; stops: number }>(sql`
      select second, stops from analytics_video_seconds
      where lesson_id = ${lesson.id} and second < ${seconds} and stops > 0
      order by stops desc, second limit ${TOP}`),
  ]);
  const viewers = totals?.viewers ?? 0;
  const points: RetentionPoint[] = [];
  for (let start = 0; start < seconds; start += bucket) {
    const b = buckets.get(start / bucket);
    const at = b?.viewers ?? 0;
    points.push({
      second: start,
      retention: Math.min(1, shareOf(at, viewers)),
      viewers: at,
      plays: b?.plays ?? 0,
      stops: b?.stops ?? 0,
    });
  }
  return {
    asOf,
    lessonId: lesson.id,
    title: lesson.title,
    durationSeconds: lesson.durationSeconds,
    viewers,
    averageWatchedShare: watchedShare(totals?.watchedTenths ?? 0, viewers, lesson.durationSeconds),
    bucketSeconds: bucket,
    points,
    rewatchedSegments: rewatched,
    stopPoints: stops.rows.map((r) => ({ second: Number(r.second), stops: Number(r.stops) })),
  };
}

/** The rollup's seconds grouped into buckets (only buckets with a row; the rest are zeros). */
async function retentionBuckets(db: Database, lessonId: string, seconds: number, size: number) {
  const { rows } = await db.execute<{
    bucket: number;
    viewers: number;
    plays: number;
    stops: number;
  }>(sql`
    select second / ${size}::int as bucket,
      coalesce(max(viewers) filter (where second % ${size}::int = 0), 0)::int as viewers,
      max(plays)::int as plays, sum(stops)::int as stops
    from analytics_video_seconds
    where lesson_id = ${lessonId} and second < ${seconds}
    group by 1`);
  return new Map(
    rows.map((r) => [
      Number(r.bucket),
      { viewers: Number(r.viewers), plays: Number(r.plays), stops: Number(r.stops) },
    ]),
  );
}

/**
 * Maximal runs of consecutive seconds each played at least 1.5 times per viewer, at least two
 * seconds long, most re-watched first. `toSecond` is where the stretch ends (its last second
 * + 1), so it spans toSecond − fromSecond seconds.
 */
async function rewatchedSegments(db: Database, lessonId: string, seconds: number) {
  const { rows } = await db.execute<{ from_second: number; to_second: number; ratio: number }>(
    sql`
    with hot as (
      select second, plays, viewers, second - row_number() over (order by second) as run
      from analytics_video_seconds
      where lesson_id = ${lessonId} and second < ${seconds}
        and viewers > 0 and plays >= ${REWATCH_RATIO}::float8 * viewers)
    select min(second)::int as from_second, (max(second) + 1)::int as to_second,
      (sum(plays)::float8 / sum(viewers))::float8 as ratio
    from hot group by run having count(*) >= ${REWATCH_SECONDS_MIN}
    order by ratio desc, from_second limit ${TOP}`,
  );
  return rows.map((r) => ({
    fromSecond: Number(r.from_second),
    toSecond: Number(r.to_second),
    playsPerViewer: Math.round(Number(r.ratio) * 100) / 100,
  }));
}
