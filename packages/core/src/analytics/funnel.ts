import { analyticsLessons, type Database } from "@lumen/db";
import { eq } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import type { SessionUser } from "../kernel";
import type { AnalyticsCourseInput } from "./inputs";
import { courseOutline, everEnrolled, rollupAsOf, shareOf } from "./shared";
import type { CourseFunnel, FunnelLesson } from "./types";

/** How many of the largest drops the funnel highlights. */
const BIGGEST_DROPS = 3;

/**
 * The lesson funnel: every lesson of the outline, in order, with the learners who started and
 * completed it (the lesson rollup) out of every enrollment the course ever had. A lesson
 * nobody opened yet has no rollup row and counts zero. The largest positive drops in
 * completed share from one lesson to the next are flagged: where to look first.
 */
export async function getCourseFunnel({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: AnalyticsCourseInput;
}): Promise<CourseFunnel> {
  await assertCanEditCourse(db, user, input.courseId);
  const [asOf, learners, outline, counts] = await Promise.all([
    rollupAsOf(db),
    everEnrolled(db, input.courseId),
    courseOutline(db, input.courseId),
    db
      .select({
        lessonId: analyticsLessons.lessonId,
        started: analyticsLessons.started,
        completed: analyticsLessons.completed,
      })
      .from(analyticsLessons)
      .where(eq(analyticsLessons.courseId, input.courseId)),
  ]);
  const byLesson = new Map(counts.map((c) => [c.lessonId, c]));
  let previous: number | null = null;
  const lessons = outline.map((lesson, index): FunnelLesson => {
    const { started = 0, completed = 0 } = byLesson.get(lesson.lessonId) ?? {};
    // From counts, not from rounded shares: equal counts drop exactly 0.
    const drop = previous === null ? null : shareOf(previous - completed, learners);
    previous = completed;
    return {
      lessonId: lesson.lessonId,
      title: lesson.title,
      moduleTitle: lesson.moduleTitle,
      kind: lesson.kind,
      optional: lesson.isOptional,
      position: index + 1,
      started,
      completed,
      startedShare: shareOf(started, learners),
      completedShare: shareOf(completed, learners),
      dropFromPrevious: drop,
      biggestDrop: false,
    };
  });
  const biggest = lessons
    .filter((l) => l.dropFromPrevious !== null && l.dropFromPrevious > 0)
    .sort(
      (a, b) => (b.dropFromPrevious ?? 0) - (a.dropFromPrevious ?? 0) || a.position - b.position,
    )
    .slice(0, BIGGEST_DROPS);
  for (const lesson of biggest) lesson.biggestDrop = true;
  return { asOf, learners, lessons };
}
