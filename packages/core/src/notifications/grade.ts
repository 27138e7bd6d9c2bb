import { courses, lessons, modules } from "@lumen/db";
import { eq } from "drizzle-orm";
import { message } from "../i18n";
import type { Transaction } from "../kernel";
import { createNotifications } from "./create";

/** What happened to a learner's graded work. */
export type GradeNews =
  | { what: "graded"; percent: number; passed: boolean }
  | { what: "overridden"; percent: number; passed: boolean }
  | { what: "flag-kept" };

/**
 * Tells a learner (kind "grade") that their work on a lesson got its grade, that staff changed
 * it, or that staff kept a review they flagged; links to the lesson. `dedupeKey` names the
 * fact, so a retried job or a racing request still notifies once.
 */
export async function notifyGrade(
  tx: Transaction,
  g: { userId: string; lessonId: string; dedupeKey: string; news: GradeNews },
) {
  const [lesson] = await tx
    .select({ title: lessons.title, slug: courses.slug })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(eq(lessons.id, g.lessonId));
  if (!lesson) return;
  const { news } = g;
  const about = { lesson: lesson.title };
  const verdict = "passed" in news && news.passed ? "passed" : "not-passed";
  const text =
    news.what === "flag-kept"
      ? {
          title: message("notification.grade.flag-kept.title", about),
          body: message("notification.grade.flag-kept.body"),
        }
      : {
          title: message(`notification.grade.${news.what}.title`, {
            ...about,
            percent: { percent: news.percent },
          }),
          body: message(`notification.grade.${news.what}.${verdict}`),
        };
  await createNotifications(tx, [
    {
      userId: g.userId,
      kind: "grade",
      ...text,
      link: `/courses/${encodeURIComponent(lesson.slug)}/lessons/${g.lessonId}`,
      dedupeKey: g.dedupeKey,
    },
  ]);
}
