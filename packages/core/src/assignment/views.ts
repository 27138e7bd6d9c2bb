import type { RubricScore } from "@lumen/db";
import type { SubmissionRow } from "./access";
import type { AssignmentSettings } from "./inputs";
import type { AssignmentSettingsView, GradeView, ReceivedReview } from "./types";

export function settingsView(settings: AssignmentSettings): AssignmentSettingsView {
  return {
    ...settings,
    dueAt: settings.dueAt?.toISOString() ?? null,
    reviewsCloseAt: settings.reviewsCloseAt?.toISOString() ?? null,
  };
}

/** A submission's grade as learners and staff read it; null until it is graded. */
export function gradeOf(row: SubmissionRow): GradeView | null {
  if (row.status !== "graded" || !row.gradedBy || !row.gradedAt) return null;
  return {
    points: row.gradePoints ?? 0,
    maxPoints: row.maxPoints ?? 0,
    percent: row.gradePercent ?? 0,
    passed: row.passed ?? false,
    gradedBy: row.gradedBy,
    scores: row.gradeScores ?? [],
    staffNote: row.staffNote,
    gradedAt: row.gradedAt.toISOString(),
  };
}

/** Submitted reviews in the order they came in, as "Reviewer 1", "Reviewer 2"… — never who. */
export function receivedReviews(
  rows: ReadonlyArray<{
    id: string;
    scores: RubricScore[] | null;
    flaggedAt: Date | string | null;
    flagReason: string | null;
    flagResolution: string | null;
  }>,
): ReceivedReview[] {
  return rows.map((r, i) => ({
    reviewId: r.id,
    label: `Reviewer ${i + 1}`,
    scores: r.scores ?? [],
    flagged: r.flaggedAt !== null,
    flagReason: r.flagReason,
    flagResolution: r.flagResolution,
  }));
}
