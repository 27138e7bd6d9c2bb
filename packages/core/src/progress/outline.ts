import { type Database, enrollments, lessonProgress, lessons, modules } from "@lumen/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { completionPercent } from "../enrollment";

/** One lesson of a course in outline order, with one enrollment's progress in it. */
export interface OutlineLesson {
  enrollmentId: string;
  lessonId: string;
  kind: (typeof lessons.$inferSelect)["kind"];
  isOptional: boolean;
  watchedSeconds: number;
  positionSeconds: number;
  completedAt: Date | null;
  /** Last time an event or a completion touched this lesson; null if never. */
  activeAt: Date | null;
}

/** Every lesson currently in each enrollment's course, in outline order, in one query. */
export async function loadOutlines(
  db: Database,
  enrollmentIds: readonly string[],
): Promise<Map<string, OutlineLesson[]>> {
  const byEnrollment = new Map<string, OutlineLesson[]>(enrollmentIds.map((id) => [id, []]));
  if (enrollmentIds.length === 0) return byEnrollment;
  const rows = await db
    .select({
      enrollmentId: enrollments.id,
      lessonId: lessons.id,
      kind: lessons.kind,
      isOptional: lessons.isOptional,
      watchedSeconds: lessonProgress.watchedSeconds,
      positionSeconds: lessonProgress.positionSeconds,
      completedAt: lessonProgress.completedAt,
      activeAt: lessonProgress.updatedAt,
    })
    .from(enrollments)
    .innerJoin(modules, eq(modules.courseId, enrollments.courseId))
    .innerJoin(lessons, eq(lessons.moduleId, modules.id))
    .leftJoin(
      lessonProgress,
      and(eq(lessonProgress.enrollmentId, enrollments.id), eq(lessonProgress.lessonId, lessons.id)),
    )
    .where(inArray(enrollments.id, [...enrollmentIds]))
    .orderBy(asc(modules.position), asc(modules.id), asc(lessons.position), asc(lessons.id));
  for (const row of rows) {
    byEnrollment.get(row.enrollmentId)?.push({
      ...row,
      watchedSeconds: row.watchedSeconds ?? 0,
      positionSeconds: row.positionSeconds ?? 0,
    });
  }
  return byEnrollment;
}

/** Exact completion over an outline: required lessons only, each once. */
export function summarizeOutline(outline: readonly OutlineLesson[]) {
  const required = outline.filter((l) => !l.isOptional);
  const completedRequired = required.filter((l) => l.completedAt !== null).length;
  const lastActive = latestActivity(outline);
  return {
    requiredLessons: required.length,
    completedRequired,
    percent: completionPercent(completedRequired, required.length),
    lessonsCompleted: outline.filter((l) => l.completedAt !== null).length,
    lastActivityAt: lastActive?.activeAt?.toISOString() ?? null,
    resumeLessonId: resumeLesson(outline, lastActive),
  };
}

function latestActivity(outline: readonly OutlineLesson[]): OutlineLesson | null {
  let latest: OutlineLesson | null = null;
  for (const l of outline) {
    if (l.activeAt && (!latest?.activeAt || l.activeAt > latest.activeAt)) latest = l;
  }
  return latest;
}

/**
 * Where "Continue" goes: the first unfinished lesson from the most recently active one on
 * (itself, if the learner left it unfinished), else the first unfinished lesson anywhere,
 * else nowhere (all done).
 */
function resumeLesson(outline: readonly OutlineLesson[], lastActive: OutlineLesson | null) {
  const from = lastActive ? outline.indexOf(lastActive) : 0;
  const after = outline.slice(from).find((l) => l.completedAt === null);
  return (after ?? outline.find((l) => l.completedAt === null))?.lessonId ?? null;
}
