/**
 * Peer-reviewed assignments: learners submit work, review each other's by a rubric through
 * leases handed out by "review next", and are graded by the median of their reviews, with
 * calibration, flags, staff grading and a fallback when a review window closes (ADR 0017).
 */
export {
  assertCanReadSubmission,
  openAssignmentAsLearner,
  openAssignmentLesson,
  type SubmissionRow,
} from "./access";
export {
  type AssignmentBacklog,
  type BacklogState,
  type BacklogSubmission,
  countBacklogs,
  getBacklog,
  getSubmissionForStaff,
  type StaffSubmissionView,
} from "./backlog";
export { type CalibrationResult, calibrate } from "./calibrate";
export { type CloseOutcome, closeDueReviewWindows, closeReviewWindow } from "./close-review";
export { flagReview } from "./flag-review";
export { getEditableAssignment } from "./get-assignment";
export {
  type AssignmentSettings,
  type AssignmentSettingsInput,
  assignmentLessonInput,
  assignmentSettings,
  CRITERIA_MAX,
  calibrateInput,
  EXAMPLES_MAX,
  flagReviewInput,
  LEVELS_MAX,
  LEVELS_MIN,
  resolveFlagInput,
  type SaveAssignmentInput,
  type ScoresInput,
  SUBMISSION_MAX,
  saveAssignmentInput,
  staffGradeInput,
  submissionIdInput,
  submitReviewInput,
  submitWorkInput,
} from "./inputs";
export { DEFAULT_ASSIGNMENT_SETTINGS, reviewDeadlineOf } from "./load";
export {
  type NoLeaseReason,
  type ReviewLease,
  type ReviewNextResult,
  reviewNext,
} from "./review-next";
export { calibrationAccuracy, gradeFromReviews, maxPoints, weightedMedian } from "./rubric";
export { saveAssignment } from "./save-assignment";
export { gradeAsStaff, keepFlaggedReview } from "./staff-grade";
export { LEASE_EXPIRED, type SubmitReviewResult, submitReview } from "./submit-review";
export { type SubmitWorkResult, secondsUntil, submitWork } from "./submit-work";
export { takeAssignment } from "./take-assignment";
export type {
  AssignmentSettingsView,
  EditableAssignment,
  GradeView,
  LearnerAssignment,
  LearnerStage,
  ReceivedReview,
} from "./types";
