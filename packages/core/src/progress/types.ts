import type { CertificateSummary } from "../certificates";
import type { SessionUser } from "../kernel";
import type { ProgressEvent } from "./inputs";
import type { LessonCoverage } from "./write-events";

export type Milestone = 25 | 50 | 75 | 100;

/** The course-level outcome of a batch, per enrollment it touched. */
export interface EnrollmentProgress {
  enrollmentId: string;
  courseId: string;
  /** Exact: completed required lessons ÷ required lessons, floored, 0–100. */
  percent: number;
  completedRequired: number;
  requiredLessons: number;
  /** Milestones this batch reached for the first time. */
  newMilestones: Milestone[];
}

export interface RecordResult {
  /** Events written now. */
  accepted: number;
  /** Events already recorded earlier (resent): acknowledged, not applied twice. */
  duplicates: number;
  /** Events refused (not your enrollment, lesson not in that course, …); nothing written. */
  rejected: Array<{ eventId: string; reason: string }>;
  courses: EnrollmentProgress[];
  /**
   * Per lesson this call's new events touched: seconds of its video now covered, and seconds
   * the events claimed that were not credited because they would have meant watching faster
   * than the player's top speed since playback began (or without playback at all).
   */
  lessons: LessonCoverage[];
}

/**
 * The progress write path (group commit): concurrent `record` calls are merged into one
 * transaction, and each resolves only after that transaction committed. One per process.
 */
export interface ProgressIngest {
  record(user: SessionUser, events: readonly ProgressEvent[]): Promise<RecordResult>;
  /** Flushes what is queued and stops taking work. */
  close(): Promise<void>;
}

export interface LessonState {
  lessonId: string;
  completed: boolean;
  completedAt: string | null;
  watchedSeconds: number;
  positionSeconds: number;
  /** Quiz, exercise and assignment lessons: best score in percent, null before any grade. */
  bestPercent: number | null;
  /** Quiz, exercise and assignment lessons: whether some attempt passed; null for other kinds. */
  assessmentPassed: boolean | null;
  /** Assignment lessons: where the learner's submission is; null before submitting (and other kinds). */
  assignmentStatus: "submitted" | "in_review" | "graded" | "needs_staff" | null;
}

/** `progress.course`: the signed-in learner's state in one course. */
export interface CourseProgress {
  enrollmentId: string;
  courseId: string;
  percent: number;
  completedRequired: number;
  requiredLessons: number;
  /** Required quizzes, exercises and assignments (requiredForCertificate) not yet passed. */
  assessmentsToPass: number;
  lessons: LessonState[];
  /** Where "Continue" goes: the first unfinished lesson after the latest activity. */
  resumeLessonId: string | null;
  lastActivityAt: string | null;
  milestones: Milestone[];
  certificate: CertificateSummary | null;
}

/** `progress.mine`: every active enrollment, and the total. */
export interface MyProgress {
  overall: {
    courses: number;
    completedCourses: number;
    lessonsCompleted: number;
    /** Mean of the courses' percents, floored. */
    percent: number;
  };
  courses: Array<{
    enrollmentId: string;
    courseId: string;
    slug: string;
    title: string;
    percent: number;
    completedRequired: number;
    requiredLessons: number;
    lastActivityAt: string | null;
    resumeLessonId: string | null;
    certificateId: string | null;
  }>;
}

/** `progress.courseLearners`: one course's learners, for its instructors. */
export interface CourseLearners {
  total: number;
  page: number;
  pageSize: number;
  requiredLessons: number;
  /** Learners per 10 %-wide band of completion (index 0: 0–9 %, … 10: 100 %), for a chart. */
  distribution: number[];
  learners: Array<{
    userId: string;
    name: string;
    email: string;
    enrollmentId: string;
    enrolledAt: string;
    percent: number;
    completedRequired: number;
    lastActivityAt: string | null;
    quizzesPassed: number;
    certificate: { id: string; revokedAt: string | null } | null;
  }>;
}
