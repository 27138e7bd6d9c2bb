import { assignmentReviews, assignmentSubmissions, type Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { NotFoundError, type SessionUser } from "../kernel";
import { notifyGrade } from "../notifications";
import { openSubmissionAsStaff } from "./access";
import { settleCompletion } from "./finalize";
import type { ScoresInput } from "./inputs";
import { loadAssignment } from "./load";
import { scoreByRubric, withTotals } from "./rubric";

/**
 * Staff grade a submission by the rubric. On one waiting for staff (or not yet graded) this
 * is the staff grade; on a graded one it is an override that replaces the peer grade, and the
 * learner is told so with the note. Open flags on its reviews are resolved as "overridden".
 */
export async function gradeAsStaff({
  db,
  user,
  outbox,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: { submissionId: string; scores: ScoresInput; note: string };
  now?: Date;
}) {
  const found = await openSubmissionAsStaff(db, user, input.submissionId);
  const assignment = await loadAssignment(db, found.lessonId);
  const grade = withTotals(assignment.rubric, scoreByRubric(assignment.rubric, input.scores));
  return db.transaction(async (tx) => {
    const [submission] = await tx
      .select()
      .from(assignmentSubmissions)
      .where(eq(assignmentSubmissions.id, input.submissionId))
      .for("update");
    if (!submission) throw new NotFoundError("We couldn't find that submission.");
    const gradedBy = submission.status === "graded" ? "override" : "staff";
    await tx
      .update(assignmentSubmissions)
      .set({
        status: "graded",
        gradedBy,
        gradeScores: grade.scores,
        gradePoints: grade.points,
        maxPoints: grade.max,
        gradePercent: grade.percent,
        passed: grade.percent >= assignment.settings.passingPercent,
        gradedAt: now,
        staffUserId: user.id,
        staffNote: input.note,
      })
      .where(eq(assignmentSubmissions.id, submission.id));
    await tx
      .update(assignmentReviews)
      .set({ flagResolution: "overridden" })
      .where(
        and(
          eq(assignmentReviews.submissionId, submission.id),
          isNotNull(assignmentReviews.flaggedAt),
          isNull(assignmentReviews.flagResolution),
        ),
      );
    const passed = grade.percent >= assignment.settings.passingPercent;
    await notifyGrade(tx, {
      userId: submission.userId,
      lessonId: submission.lessonId,
      // The first grade is one fact; each override is another.
      dedupeKey:
        gradedBy === "staff"
          ? `grade:assignment:${submission.id}`
          : `grade:assignment:${submission.id}:override:${now.toISOString()}`,
      news: {
        what: gradedBy === "staff" ? "graded" : "overridden",
        percent: grade.percent,
        passed,
      },
    });
    await settleCompletion(tx, outbox, submission.enrollmentId, submission.lessonId, now);
    return { submissionId: submission.id, gradedBy, percent: grade.percent };
  });
}

/**
 * Staff read a flagged review and keep the grade as it is: an open flag is resolved as
 * "kept". A flag already resolved keeps its resolution — after an override the learner must
 * go on reading that their grade was overridden, not that the review was kept.
 */
export async function keepFlaggedReview({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { reviewId: string };
}): Promise<{ reviewId: string; resolution: "kept" | "overridden" }> {
  const [review] = await db
    .select({
      submissionId: assignmentReviews.submissionId,
      resolution: assignmentReviews.flagResolution,
    })
    .from(assignmentReviews)
    .where(and(eq(assignmentReviews.id, input.reviewId), isNotNull(assignmentReviews.flaggedAt)));
  if (!review) throw new NotFoundError("We couldn't find that flagged review.");
  const submission = await openSubmissionAsStaff(db, user, review.submissionId);
  const kept = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(assignmentReviews)
      .set({ flagResolution: "kept" })
      .where(
        and(eq(assignmentReviews.id, input.reviewId), isNull(assignmentReviews.flagResolution)),
      )
      .returning({ id: assignmentReviews.id });
    // The learner who flagged it (the submission's author) hears that staff looked.
    if (row) {
      await notifyGrade(tx, {
        userId: submission.userId,
        lessonId: submission.lessonId,
        dedupeKey: `grade:flag:${input.reviewId}`,
        news: { what: "flag-kept" },
      });
    }
    return row;
  });
  if (kept || review.resolution === "kept") return { reviewId: input.reviewId, resolution: "kept" };
  return { reviewId: input.reviewId, resolution: "overridden" };
}
