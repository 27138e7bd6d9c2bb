import type { LearnerAssignment } from "./assignment-view";

/** A learner's assignment as `assignment.take` answers, for the view tests. */
export function assignmentFixture(over: Partial<LearnerAssignment> = {}): LearnerAssignment {
  return {
    lessonId: "lesson-1",
    prompt: "Write an essay.",
    settings: {
      allowAttachments: true,
      reviewsToGive: 3,
      reviewsNeeded: 3,
      dueAt: null,
      reviewWindowHours: 168,
      reviewsCloseAt: null,
      leaseMinutes: 480,
      fallback: "grade_available",
      weightByCalibration: false,
      passingPercent: 60,
      requiredForCertificate: true,
    },
    rubric: [
      {
        id: "c1",
        title: "Argument",
        description: "",
        commentRequired: true,
        levels: [
          { id: "c1-weak", label: "Weak", description: "", points: 0 },
          { id: "c1-good", label: "Good", description: "", points: 3 },
        ],
      },
      {
        id: "c2",
        title: "Style",
        description: "",
        commentRequired: false,
        levels: [
          { id: "c2-poor", label: "Poor", description: "", points: 1 },
          { id: "c2-fine", label: "Fine", description: "", points: 2 },
        ],
      },
    ],
    enrolled: true,
    open: true,
    stage: "submit",
    submission: null,
    grade: null,
    reviews: [],
    reviewing: { given: 0, toGive: 3, lease: null },
    calibration: { examples: [], meanAccuracy: null },
    ...over,
  };
}

export function submissionFixture(
  over: Partial<NonNullable<LearnerAssignment["submission"]>> = {},
): NonNullable<LearnerAssignment["submission"]> {
  return {
    id: "sub-1",
    body: "My essay",
    status: "submitted",
    locked: false,
    submittedAt: "2026-12-01T10:00:00.000Z",
    revisedAt: null,
    reviewDeadline: "2026-12-08T10:00:00.000Z",
    reviewsReceived: 0,
    ...over,
  };
}
