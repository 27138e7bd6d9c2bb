import { courses, lessons, modules } from "@lumen/db";
import { eq } from "drizzle-orm";
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
  const percent = "percent" in news ? `${Math.round(news.percent)}%` : "";
  const verdict = "passed" in news && news.passed ? "You passed." : "Not a pass yet.";
  const text =
    news.what === "graded"
      ? {
          title: `“${lesson.title}” was graded: ${percent}`,
          body: `${verdict} Open the lesson for the details.`,
        }
      : news.what === "overridden"
        ? {
            title: `Staff changed your grade for “${lesson.title}”: ${percent}`,
            body: `${verdict} Staff reviewed your submission and replaced its grade.`,
          }
        : {
            title: `Staff reviewed your flag on “${lesson.title}”`,
            body: "They kept the review, and your grade stays as it is.",
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
