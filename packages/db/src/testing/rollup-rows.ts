import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  analyticsCourseDays,
  analyticsCourseWeeks,
  analyticsCursors,
  analyticsEnrollments,
  analyticsLessons,
  analyticsQuizOptions,
  analyticsQuizQuestions,
  analyticsQuizScores,
  analyticsVideoSeconds,
} from "../schema";
import { createEnrollment } from "./learning";
import { createUser } from "./users";

/**
 * Rollup rows as the rollup job leaves them (ADR 0024), for tests of the dashboard's reads:
 * they state the aggregates directly instead of replaying events through the job.
 */

/** The rollup's cursor for `source`, last run at `at`. */
export async function createRollupCursor(db: Database, source: string, at: Date) {
  await db
    .insert(analyticsCursors)
    .values({ source, position: 0, updatedAt: at })
    .onConflictDoUpdate({ target: analyticsCursors.source, set: { updatedAt: at } });
}

/** Per-day counts of a course (`day`: YYYY-MM-DD); omitted counts are 0. */
export async function createCourseDays(
  db: Database,
  courseId: string,
  days: ReadonlyArray<Omit<typeof analyticsCourseDays.$inferInsert, "courseId">>,
) {
  if (days.length === 0) return;
  await db.insert(analyticsCourseDays).values(days.map((d) => ({ courseId, ...d })));
}

/** Distinct active learners per week (`week`: its Monday). */
export async function createCourseWeeks(
  db: Database,
  courseId: string,
  weeks: ReadonlyArray<{ week: string; active: number }>,
) {
  if (weeks.length === 0) return;
  await db.insert(analyticsCourseWeeks).values(weeks.map((w) => ({ courseId, ...w })));
}

type RollupEnrollment = Partial<
  Omit<typeof analyticsEnrollments.$inferInsert, "enrollmentId" | "courseId" | "userId">
>;

/**
 * A learner (a fresh user unless `user` is given) enrolled in the course, with the rollup's
 * row for that enrollment: what the learners table and the overview's "now" read.
 */
export async function createRollupLearner(
  db: Database,
  courseId: string,
  {
    user,
    ...row
  }: RollupEnrollment & { user?: { id: string }; name?: string; email?: string } = {},
) {
  const { name, email, ...rollup } = row;
  const learner = user ?? (await createUser(db, "learner", { name, email }));
  const enrolledAt = rollup.enrolledAt ?? new Date();
  const enrollment = await createEnrollment(db, learner, courseId, {
    enrolledAt,
    unenrolledAt: rollup.unenrolledAt ?? null,
    completedAt: rollup.completedAt ?? null,
  });
  await db.insert(analyticsEnrollments).values({
    enrollmentId: enrollment.id,
    courseId,
    userId: learner.id,
    ...rollup,
    enrolledAt,
  });
  return { userId: learner.id, enrollmentId: enrollment.id };
}

/** A lesson's funnel and video totals. */
export async function createLessonRollup(db: Database, row: typeof analyticsLessons.$inferInsert) {
  await db.insert(analyticsLessons).values(row);
}

/** A video lesson's retention rows, one per second given. */
export async function createVideoSeconds(
  db: Database,
  lessonId: string,
  seconds: ReadonlyArray<Omit<typeof analyticsVideoSeconds.$inferInsert, "lessonId">>,
) {
  if (seconds.length === 0) return;
  await db.insert(analyticsVideoSeconds).values(seconds.map((s) => ({ lessonId, ...s })));
}

/** A quiz's attempts per score band, and per question and band, and option choices. */
export async function createQuizRollup(
  db: Database,
  lessonId: string,
  {
    scores = [],
    questions = [],
    options = [],
  }: {
    scores?: ReadonlyArray<{ band: number; attempts: number; passed?: number; scoreSum?: number }>;
    questions?: ReadonlyArray<{
      questionId: string;
      band: number;
      attempts: number;
      correct: number;
    }>;
    options?: ReadonlyArray<{ questionId: string; optionId: string; chosen: number }>;
  },
) {
  if (scores.length > 0) {
    await db.insert(analyticsQuizScores).values(scores.map((s) => ({ lessonId, ...s })));
  }
  if (questions.length > 0) {
    await db.insert(analyticsQuizQuestions).values(questions.map((q) => ({ lessonId, ...q })));
  }
  if (options.length > 0) {
    await db.insert(analyticsQuizOptions).values(options.map((o) => ({ lessonId, ...o })));
  }
}

/**
 * `count` learners enrolled in the course with rollup rows, in three set-based statements
 * (export and benchmark sizes). Learner i is "Learner <i>" (zero-padded to 6 digits, so names
 * sort as numbers), enrolled i seconds after `start`, with i % 5 required lessons completed.
 */
export async function createRollupLearners(
  db: Database,
  courseId: string,
  count: number,
  start = new Date("2026-01-01T00:00:00Z"),
) {
  const tag = randomUUID().slice(0, 8);
  await db.execute(sql`
    insert into users (id, name, email, role)
    select ${tag} || '-' || i, 'Learner ' || lpad(i::text, 6, '0'),
      ${tag} || '-' || i || '@test.lumen.dev', 'learner'
    from generate_series(1, ${count}::int) i`);
  await db.execute(sql`
    insert into enrollments (user_id, course_id, enrolled_at)
    select ${tag} || '-' || i, ${courseId}, ${start.toISOString()}::timestamptz + i * interval '1 second'
    from generate_series(1, ${count}::int) i`);
  await db.execute(sql`
    insert into analytics_enrollments (enrollment_id, course_id, user_id, enrolled_at,
      required_completed, lessons_completed)
    select e.id, e.course_id, e.user_id, e.enrolled_at,
      split_part(e.user_id, '-', 2)::int % 5, split_part(e.user_id, '-', 2)::int % 5
    from enrollments e where e.course_id = ${courseId} and e.user_id like ${`${tag}-%`}`);
}
