import { assignmentReviews, assignmentSubmissions, type Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { and, asc, count, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { gradeFromPeers, settleCompletion } from "./finalize";
import { loadAssignment } from "./load";

export type CloseOutcome =
  | { outcome: "not_yet"; deadline: Date }
  | { outcome: "graded_partial" | "graded" | "needs_staff" | "settled" | "gone" };

/**
 * The review window of one submission closed: a submission that still lacks reviews is
 * graded from those it has (at least one, under the "grade_available" policy) or goes to the
 * staff queue — it never waits forever. Either way the learner's lesson is settled (their own
 * review obligation ends with their window). Safe to run any number of times.
 */
export async function closeReviewWindow({
  db,
  outbox,
  submissionId,
  now = new Date(),
}: {
  db: Database;
  outbox: Outbox;
  submissionId: string;
  now?: Date;
}): Promise<CloseOutcome> {
  return db.transaction(async (tx) => {
    const [submission] = await tx
      .select()
      .from(assignmentSubmissions)
      .where(eq(assignmentSubmissions.id, submissionId))
      .for("update");
    if (!submission) return { outcome: "gone" as const };
    if (now < submission.reviewDeadline) {
      return { outcome: "not_yet" as const, deadline: submission.reviewDeadline };
    }
    const settle = () =>
      settleCompletion(tx, outbox, submission.enrollmentId, submission.lessonId, now);
    if (submission.status === "graded" || submission.status === "needs_staff") {
      await settle();
      return { outcome: "settled" as const };
    }
    const assignment = await loadAssignment(tx, submission.lessonId);
    const [done] = await tx
      .select({ n: count() })
      .from(assignmentReviews)
      .where(
        and(
          eq(assignmentReviews.submissionId, submission.id),
          isNotNull(assignmentReviews.submittedAt),
        ),
      );
    const reviews = done?.n ?? 0;
    if (reviews >= 1 && assignment.settings.fallback === "grade_available") {
      const full = reviews >= assignment.settings.reviewsNeeded;
      const by = full ? "peers" : "peers_partial";
      await gradeFromPeers(tx, outbox, submission, assignment, by, now);
      return { outcome: full ? ("graded" as const) : ("graded_partial" as const) };
    }
    await tx
      .update(assignmentSubmissions)
      .set({ status: "needs_staff" })
      .where(eq(assignmentSubmissions.id, submission.id));
    await settle();
    return { outcome: "needs_staff" as const };
  });
}

/**
 * Closes every window that is due as of `now`, oldest first: the job handles one submission
 * at its deadline; this sweep serves the simulation and catches any job that was lost. It
 * also settles learners whose passing grade came before their window closed and whose lesson
 * still waits on their reviews (what the job does for them at their deadline). Answers with
 * the outcomes of the windows it closed.
 */
export async function closeDueReviewWindows({
  db,
  outbox,
  now = new Date(),
  limit = 1_000,
}: {
  db: Database;
  outbox: Outbox;
  now?: Date;
  limit?: number;
}) {
  const due = await db
    .select({ id: assignmentSubmissions.id })
    .from(assignmentSubmissions)
    .where(
      and(
        inArray(assignmentSubmissions.status, ["submitted", "in_review"]),
        lte(assignmentSubmissions.reviewDeadline, now),
      ),
    )
    .orderBy(asc(assignmentSubmissions.reviewDeadline))
    .limit(limit);
  const outcomes: CloseOutcome[] = [];
  for (const { id } of due) {
    outcomes.push(await closeReviewWindow({ db, outbox, submissionId: id, now }));
  }
  const unsettled = await db
    .select({
      enrollmentId: assignmentSubmissions.enrollmentId,
      lessonId: assignmentSubmissions.lessonId,
    })
    .from(assignmentSubmissions)
    .where(
      and(
        eq(assignmentSubmissions.status, "graded"),
        eq(assignmentSubmissions.passed, true),
        lte(assignmentSubmissions.reviewDeadline, now),
        sql`not exists (select 1 from lesson_progress lp
          where lp.enrollment_id = ${assignmentSubmissions.enrollmentId}
            and lp.lesson_id = ${assignmentSubmissions.lessonId} and lp.completed_at is not null)`,
      ),
    )
    .limit(limit);
  for (const { enrollmentId, lessonId } of unsettled) {
    await db.transaction((tx) => settleCompletion(tx, outbox, enrollmentId, lessonId, now));
  }
  return outcomes;
}
