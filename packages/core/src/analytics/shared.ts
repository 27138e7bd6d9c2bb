import {
  analyticsCursors,
  analyticsEnrollments,
  type Database,
  lessons,
  modules,
  videoAssets,
} from "@lumen/db";
import { and, asc, count, eq, max, sql } from "drizzle-orm";
import { NotFoundError } from "../kernel";

/**
 * What every dashboard read shares: the "as of" of the rollups, the course outline in the
 * order learners see it, and the check that a lesson belongs to the course asked about.
 */

/** When the rollup last ran (any source): the dashboard's "as of"; null before its first run. */
export async function rollupAsOf(db: Database): Promise<string | null> {
  const [row] = await db.select({ at: max(analyticsCursors.updatedAt) }).from(analyticsCursors);
  return row?.at ? row.at.toISOString() : null;
}

/**
 * A lesson of the course of the kind a read is about, or a 404: a lesson id from another
 * course (or a quiz asked for as a video) reads nothing here.
 */
export async function lessonOfCourse(
  db: Database,
  courseId: string,
  lessonId: string,
  kind: "video" | "quiz",
) {
  const [lesson] = await db
    .select({
      id: lessons.id,
      title: lessons.title,
      kind: lessons.kind,
      durationSeconds: videoAssets.durationSeconds,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .leftJoin(videoAssets, eq(videoAssets.id, lessons.videoAssetId))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!lesson) throw new NotFoundError("We couldn't find that lesson in this course.");
  if (lesson.kind !== kind) throw new NotFoundError(`That lesson is not a ${kind} lesson.`);
  return lesson;
}

/**
 * The course's lessons in outline order (module position, then lesson position; ids break
 * ties as the learner's outline does), each with its module's title and, for videos, the
 * current asset's duration.
 */
export function courseOutline(db: Database, courseId: string) {
  return db
    .select({
      lessonId: lessons.id,
      title: lessons.title,
      moduleTitle: modules.title,
      kind: lessons.kind,
      isOptional: lessons.isOptional,
      durationSeconds: videoAssets.durationSeconds,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .leftJoin(videoAssets, eq(videoAssets.id, lessons.videoAssetId))
    .where(eq(modules.courseId, courseId))
    .orderBy(asc(modules.position), asc(modules.id), asc(lessons.position), asc(lessons.id));
}

/** Every enrollment the course ever had (active or not): the funnel's denominator. */
export async function everEnrolled(db: Database, courseId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(analyticsEnrollments)
    .where(eq(analyticsEnrollments.courseId, courseId));
  return Number(row?.n ?? 0);
}

/** `part / whole`, 0 when the whole is empty. */
export const shareOf = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Attempts per score band 0–10 as an 11-slot array (band 10: 100 %). */
export function bandsArray(rows: ReadonlyArray<{ band: number; n: number }>): number[] {
  const bands = Array.from({ length: 11 }, () => 0);
  for (const { band, n } of rows) {
    if (band >= 0 && band <= 10) bands[band] = (bands[band] ?? 0) + Number(n);
  }
  return bands;
}

/** SQL: the score band of a percent, as the quiz rollup bands attempts (ADR 0024). */
export const bandOf = (percent: ReturnType<typeof sql>) =>
  sql<number>`least(10, floor(${percent} / 10))::int`;
