import type { RubricCriterion, RubricScore } from "@lumen/db";
import type { AssignmentSettings } from "./inputs";

/** Settings as they travel: dates as ISO strings. */
export type AssignmentSettingsView = Omit<AssignmentSettings, "dueAt" | "reviewsCloseAt"> & {
  dueAt: string | null;
  reviewsCloseAt: string | null;
};

/** The assignment as its editors see it. */
export interface EditableAssignment {
  lessonId: string;
  settings: AssignmentSettingsView;
  rubric: RubricCriterion[];
  examples: Array<{ id: string; body: string; scores: RubricScore[] }>;
  /** Reviews have started: criteria, levels and points are fixed; wording can still change. */
  rubricLocked: boolean;
  submissionCount: number;
}

/** Where a learner is: the steps the page shows. */
export type LearnerStage = "submit" | "reviewing" | "waiting" | "needs_staff" | "graded";

/** A review of the learner's work, as its author sees it: never who wrote it. */
export interface ReceivedReview {
  reviewId: string;
  /** "Reviewer 1", "Reviewer 2"… in the order the reviews came in. */
  label: string;
  scores: RubricScore[];
  flagged: boolean;
  flagReason: string | null;
  flagResolution: string | null;
}

export interface GradeView {
  points: number;
  maxPoints: number;
  percent: number;
  passed: boolean;
  gradedBy: "peers" | "peers_partial" | "staff" | "override";
  /** Per criterion: the median (peers) or staff's points. */
  scores: RubricScore[];
  /** Staff's note (staff grade or override). */
  staffNote: string | null;
  gradedAt: string;
}

export interface LearnerAssignment {
  lessonId: string;
  prompt: string;
  settings: AssignmentSettingsView;
  rubric: RubricCriterion[];
  /** False for an editor previewing: nothing can be submitted. */
  enrolled: boolean;
  /** Submissions are still accepted (the due date has not passed). */
  open: boolean;
  stage: LearnerStage;
  submission: {
    id: string;
    body: string;
    status: "submitted" | "in_review" | "graded" | "needs_staff";
    /** Revisable until the first review starts. */
    locked: boolean;
    submittedAt: string;
    revisedAt: string | null;
    reviewDeadline: string;
    reviewsReceived: number;
  } | null;
  grade: GradeView | null;
  /** Once graded: each review of the learner's work, anonymous. */
  reviews: ReceivedReview[];
  reviewing: {
    given: number;
    toGive: number;
    /** A live lease: what to review now. */
    lease: { reviewId: string; submissionId: string; body: string; leaseExpiresAt: string } | null;
  };
  calibration: {
    examples: Array<{
      id: string;
      position: number;
      body: string;
      done: boolean;
      accuracy: number | null;
      mine: RubricScore[] | null;
      /** Shown once the learner graded it. */
      instructor: RubricScore[] | null;
    }>;
    meanAccuracy: number | null;
  };
}
