/**
 * Learning progress: the group-committed write path for progress events (coverage, completion,
 * milestones, the certificate job), and the reads (a learner's own, a course's learners).
 */
export { REJECT_REASONS } from "./apply-batch";
export { markLessonsCompleted } from "./completion";
export { listCourseLearners } from "./course-learners";
export { getCourseProgress } from "./course-progress";
export { coverageInSeconds } from "./coverage";
export { createProgressIngest, type GroupCommitIngest, type IngestStats } from "./ingest";
export {
  type CourseLearnersInput,
  courseLearnersInput,
  courseProgressInput,
  type ProgressEvent,
  progressEvent,
  type RecordProgressInput,
  recordProgressInput,
} from "./inputs";
export { getMyProgress } from "./my-progress";
export {
  DEFAULT_RETENTION_MONTHS,
  dropExpiredEventPartitions,
  type EventPartition,
  ensureEventPartitions,
  listEventPartitions,
  MONTHS_AHEAD,
  type RetentionOutcome,
} from "./retention";
export { progressPosition } from "./saved-position";
export type {
  CourseLearners,
  CourseProgress,
  EnrollmentProgress,
  Milestone,
  MyProgress,
  ProgressIngest,
  RecordResult,
} from "./types";
export type { RejectReason } from "./write-events";
