import { lessonProgress } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { sql } from "drizzle-orm";
import { completionPercent, loadStandings, type StandingRow } from "../enrollment";
import { compareKeys, type Transaction } from "../kernel";
import { emitWebhookEvents, type WebhookEvent } from "../webhook-events";
import { recordAchievements } from "./milestones";
import type { EnrollmentProgress, Milestone } from "./types";

/**
 * Marks lessons completed (once: an existing completedAt is kept), then re-evaluates each
 * enrollment that newly completed one: exact percent, new milestones (recorded once, with a
 * notification), and — at 100 % with every required quiz passed — enqueues
 * certificates.issue. Runs inside the caller's transaction (a passed quiz).
 */
export async function markLessonsCompleted(
  tx: Transaction,
  outbox: Outbox,
  items: ReadonlyArray<{ enrollmentId: string; lessonId: string }>,
): Promise<EnrollmentProgress[]> {
  if (items.length === 0) return [];
  const unique = new Map(items.map((i) => [`${i.enrollmentId}:${i.lessonId}`, i]));
  const rows = [...unique.values()].sort(
    (a, b) => compareKeys(a.enrollmentId, b.enrollmentId) || compareKeys(a.lessonId, b.lessonId),
  );
  const written = await tx
    .insert(lessonProgress)
    .values(rows.map((r) => ({ ...r, completedAt: sql`now()` })))
    .onConflictDoUpdate({
      target: [lessonProgress.enrollmentId, lessonProgress.lessonId],
      set: {
        completedAt: sql`coalesce(${lessonProgress.completedAt}, now())`,
        updatedAt: sql`now()`,
      },
    })
    // now() is this transaction's start: equal means this statement set it.
    .returning({
      enrollmentId: lessonProgress.enrollmentId,
      lessonId: lessonProgress.lessonId,
      newlyCompleted: sql<boolean>`${lessonProgress.completedAt} = now()`,
    });
  const newly = written.filter((w) => w.newlyCompleted);
  const settled = await settleEnrollments(tx, outbox, newly);
  const rest = rows.map((r) => r.enrollmentId).filter((id) => !settled.has(id));
  const others = await loadStandings(tx, rest);
  return [...settled.values(), ...others.map((s) => toProgress(s, []))];
}

/**
 * Re-evaluates enrollments that just completed lessons, in the caller's transaction: exact
 * percent, and what it earned (milestones, completion, certificate job). Every path that
 * completes a lesson (progress events, quiz, exercise, assignment) comes through here with
 * exactly the lessons it completed for the first time, so this is where the
 * `lesson.completed` and `course.completed` webhook events are sent: one fan-out job for
 * the whole batch.
 */
export async function settleEnrollments(
  tx: Transaction,
  outbox: Outbox,
  completions: ReadonlyArray<{ enrollmentId: string; lessonId: string }>,
): Promise<Map<string, EnrollmentProgress>> {
  const ids = [...new Set(completions.map((c) => c.enrollmentId))].sort(compareKeys);
  if (ids.length === 0) return new Map();
  // Batches completing lessons of one enrollment in parallel (two tabs, two API processes)
  // would each see only their own completions and could both miss a milestone. Taking the
  // enrollment row lock first makes them evaluate one after the other, each seeing what the
  // previous one committed. NO KEY UPDATE: inserts referencing the enrollment go on.
  await tx.execute(sql`select id from enrollments
    where id in (select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json))
    order by id for no key update`);
  const standings = await loadStandings(tx, ids);
  const { reached, finished } = await recordAchievements(tx, outbox, standings);
  await emitWebhookEvents(tx, outbox, completionEvents(standings, completions, finished));
  return new Map(
    standings.map((s) => [s.enrollmentId, toProgress(s, reached.get(s.enrollmentId) ?? [])]),
  );
}

export function toProgress(
  s: Pick<StandingRow, "enrollmentId" | "courseId" | "completedRequired" | "requiredLessons">,
  newMilestones: Milestone[],
): EnrollmentProgress {
  return {
    enrollmentId: s.enrollmentId,
    courseId: s.courseId,
    percent: completionPercent(s.completedRequired, s.requiredLessons),
    completedRequired: s.completedRequired,
    requiredLessons: s.requiredLessons,
    newMilestones,
  };
}

/** The webhook events of lessons completed now, and of enrollments that finished now. */
function completionEvents(
  standings: readonly StandingRow[],
  completions: ReadonlyArray<{ enrollmentId: string; lessonId: string }>,
  finished: ReadonlyMap<string, Date>,
): WebhookEvent[] {
  const byId = new Map(standings.map((s) => [s.enrollmentId, s]));
  const events: WebhookEvent[] = [];
  const at = new Date();
  for (const { enrollmentId, lessonId } of completions) {
    const s = byId.get(enrollmentId);
    if (!s) continue;
    events.push({
      type: "lesson.completed",
      userId: s.userId,
      courseId: s.courseId,
      at,
      data: {
        enrollment_id: enrollmentId,
        course_id: s.courseId,
        user_id: s.userId,
        lesson_id: lessonId,
        completed_at: at.toISOString(),
      },
    });
  }
  for (const [enrollmentId, completedAt] of finished) {
    const s = byId.get(enrollmentId);
    if (!s) continue;
    events.push({
      type: "course.completed",
      userId: s.userId,
      courseId: s.courseId,
      at: completedAt,
      data: {
        enrollment_id: enrollmentId,
        course_id: s.courseId,
        user_id: s.userId,
        completed_at: completedAt.toISOString(),
      },
    });
  }
  return events;
}
