import {
  analyticsActiveDays,
  analyticsActiveWeeks,
  analyticsEnrollments,
  analyticsExports,
  analyticsLessonLearners,
  assignmentAttachments,
  assignmentCalibrations,
  assignmentSubmissions,
  certificates,
  courseMilestones,
  enrollments,
  exerciseDrafts,
  exerciseSubmissions,
  lessonProgress,
  playbackPositions,
  playbackStarts,
  progressEvents,
  quizAttempts,
} from "@lumen/db";
import { eq, inArray } from "drizzle-orm";
import type { RetirementStep } from "./types";

/**
 * The learner's own record: progress, quiz attempts, exercise and assignment work, and what the
 * dashboard derived from them. Enrollments stay, pointing at the tombstone user: certificates
 * reference them and course counts stay true; the peer reviews the user gave hang on them, so
 * those stay too, as anonymous as they always were (docs/privacy.md).
 */
export const learningStep: RetirementStep = {
  name: "learning",
  run: async ({ tx, userId }) => {
    const mine = tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(eq(enrollments.userId, userId));
    for (const table of [
      lessonProgress,
      progressEvents,
      courseMilestones,
      quizAttempts,
      assignmentAttachments,
      assignmentCalibrations,
      analyticsLessonLearners,
      analyticsActiveDays,
      analyticsActiveWeeks,
    ]) {
      await tx.delete(table).where(inArray(table.enrollmentId, mine));
    }
    // Reviews of the user's submissions cascade with them (they grade nothing any more).
    await tx.delete(assignmentSubmissions).where(eq(assignmentSubmissions.userId, userId));
    for (const table of [playbackPositions, playbackStarts, exerciseSubmissions, exerciseDrafts]) {
      await tx.delete(table).where(eq(table.userId, userId));
    }
    await tx.delete(analyticsEnrollments).where(eq(analyticsEnrollments.userId, userId));
    // As staff: the grades, revocations and CSV downloads they made stay, without their name.
    await tx
      .update(assignmentSubmissions)
      .set({ staffUserId: null })
      .where(eq(assignmentSubmissions.staffUserId, userId));
    await tx
      .update(certificates)
      .set({ revokedBy: null })
      .where(eq(certificates.revokedBy, userId));
    await tx
      .update(analyticsExports)
      .set({ userId: null })
      .where(eq(analyticsExports.userId, userId));
  },
};
