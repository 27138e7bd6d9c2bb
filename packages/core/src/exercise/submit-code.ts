import { type Database, enrollments, exerciseSubmissions } from "@lumen/db";
import { gradeSubmissionJob, type Outbox } from "@lumen/jobs";
import { and, count, eq, isNull, ne } from "drizzle-orm";
import { assertCanEditLesson } from "../access";
import { ConflictError, ForbiddenError, type SessionUser } from "../kernel";
import { openExerciseLesson } from "./access";
import type { SubmitCodeInput } from "./inputs";
import { loadExercise, loadTests, toSubmissionView } from "./load";
import type { SubmitCodeResult } from "./types";
import { gradingUnavailableReason } from "./waiting";

/** Submissions of one person to one exercise waiting for a verdict at once, at most. */
export const PENDING_MAX = 3;

/**
 * Queues code for grading and answers at once with the submission (its id is the job the
 * client follows). A graded attempt needs an active enrollment and an attempt left; a run of
 * the samples uses no attempt and is open to editors previewing too. The enrollment row lock
 * serializes one learner's submits, so the attempt limit and the replay check cannot race: a
 * resend with the same client id returns the submission it made; nothing else is written.
 */
export async function submitCode({
  db,
  user,
  outbox,
  input,
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: SubmitCodeInput;
}): Promise<SubmitCodeResult> {
  const { lessonId, enrollmentId } = await openExerciseLesson(db, user, input.lessonId);
  if (!enrollmentId) {
    if (input.purpose === "submit") {
      throw new ForbiddenError(
        "Only enrolled learners can submit this exercise. Previews can run the samples only.",
      );
    }
    await assertCanEditLesson(db, user, lessonId).catch(() => {
      throw new ForbiddenError("Enroll in this course to run your code.");
    });
  }
  const result = await db.transaction(async (tx) => {
    if (enrollmentId) {
      const [enrollment] = await tx
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(and(eq(enrollments.id, enrollmentId), isNull(enrollments.unenrolledAt)))
        .for("no key update");
      if (!enrollment) throw new ForbiddenError("Enroll in this course to submit this exercise.");
    }
    const [previous] = await tx
      .select()
      .from(exerciseSubmissions)
      .where(eq(exerciseSubmissions.id, input.submissionId));
    if (previous) {
      if (
        previous.userId !== user.id ||
        previous.lessonId !== lessonId ||
        previous.purpose !== input.purpose
      ) {
        throw new ConflictError("This submission id was already used. Submit again.");
      }
      return { row: previous, replayed: true };
    }
    const exercise = await loadExercise(tx, lessonId);
    const tests = await loadTests(tx, lessonId);
    if (tests.length === 0) {
      throw new ConflictError("This exercise has no tests yet, so there is nothing to grade.");
    }
    if (input.purpose === "samples" && !tests.some((t) => t.sample)) {
      throw new ConflictError("This exercise has no sample tests. Submit to be graded.");
    }
    const mine = and(
      eq(exerciseSubmissions.userId, user.id),
      eq(exerciseSubmissions.lessonId, lessonId),
    );
    const [waiting] = await tx
      .select({ n: count() })
      .from(exerciseSubmissions)
      .where(and(mine, ne(exerciseSubmissions.status, "graded")));
    if ((waiting?.n ?? 0) >= PENDING_MAX) {
      throw new ConflictError(
        `You have ${PENDING_MAX} runs waiting for a verdict. Wait for one to finish, then try again.`,
      );
    }
    let attemptNumber: number | null = null;
    if (input.purpose === "submit" && enrollmentId) {
      const [used] = await tx
        .select({ n: count() })
        .from(exerciseSubmissions)
        .where(
          and(
            eq(exerciseSubmissions.enrollmentId, enrollmentId),
            eq(exerciseSubmissions.lessonId, lessonId),
            eq(exerciseSubmissions.purpose, "submit"),
          ),
        );
      const attempts = used?.n ?? 0;
      const max = exercise.settings.maxAttempts;
      if (max !== null && attempts >= max) {
        throw new ConflictError(
          `No attempts left: this exercise allows ${max} graded submission${max === 1 ? "" : "s"}. You can still run the samples.`,
        );
      }
      attemptNumber = attempts + 1;
    }
    const [row] = await tx
      .insert(exerciseSubmissions)
      .values({
        id: input.submissionId,
        lessonId,
        userId: user.id,
        enrollmentId,
        purpose: input.purpose,
        attemptNumber,
        exerciseVersion: exercise.version,
        language: exercise.settings.language,
        code: input.code,
      })
      // Another request may take this id between our check and insert.
      .onConflictDoNothing({ target: exerciseSubmissions.id })
      .returning();
    if (!row) throw new ConflictError("This submission id was already used. Submit again.");
    await outbox.enqueue(tx, gradeSubmissionJob, { submissionId: row.id });
    return { row, replayed: false };
  });
  const waitingReason =
    result.row.status === "graded" ? null : await gradingUnavailableReason(db, "learner");
  return { submission: toSubmissionView(result.row, waitingReason), replayed: result.replayed };
}
