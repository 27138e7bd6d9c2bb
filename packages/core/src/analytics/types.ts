/**
 * What the instructor dashboard's reads return (ADR 0024). Shares are 0–1 fractions; dates
 * are ISO strings (days `YYYY-MM-DD`, UTC); `asOf` is when the rollup last ran (null: never).
 */

export interface PeriodTotals {
  /** New enrollments in the period. */
  enrolled: number;
  unenrolled: number;
  /** Enrollments that completed the course in the period. */
  completed: number;
  certified: number;
  /** Mean over the period's days of the distinct learners active that day. */
  averageDailyActive: number;
  /** Median days from enrolling to completing, over the period's completions; null: none. */
  medianDaysToComplete: number | null;
}

export interface OverviewPoint {
  /** The day, or the Monday of the week. */
  period: string;
  enrolled: number;
  unenrolled: number;
  /** Distinct learners active that day / week. */
  active: number;
  completed: number;
  certified: number;
}

export interface CourseOverview {
  asOf: string | null;
  granularity: "day" | "week";
  range: { from: string; to: string };
  /** The range of the same length just before. */
  previousRange: { from: string; to: string };
  series: OverviewPoint[];
  totals: PeriodTotals;
  previousTotals: PeriodTotals;
  /** Now, not per period: learners enrolled today, ever, and the completion rate of all. */
  current: {
    enrolled: number;
    everEnrolled: number;
    completed: number;
    /** completed / everEnrolled; 0 when nobody enrolled. */
    completionRate: number;
    certified: number;
  };
}

export interface FunnelLesson {
  lessonId: string;
  title: string;
  moduleTitle: string;
  kind: string;
  optional: boolean;
  /** 1-based place in the outline. */
  position: number;
  started: number;
  completed: number;
  /** Of every learner who ever enrolled. */
  startedShare: number;
  completedShare: number;
  /** Completed share lost since the previous lesson (positive = fewer); null for the first. */
  dropFromPrevious: number | null;
  /** Among the (up to) three largest drops of the course. */
  biggestDrop: boolean;
}

export interface CourseFunnel {
  asOf: string | null;
  /** Every enrollment, active or not: the funnel's denominator. */
  learners: number;
  lessons: FunnelLesson[];
}

export interface VideoSummary {
  lessonId: string;
  title: string;
  /** Null while the video has no duration (not processed yet). */
  durationSeconds: number | null;
  viewers: number;
  completed: number;
  averageWatchedShare: number;
}

export interface RetentionPoint {
  /** Start of the point's span of the video, in seconds. */
  second: number;
  /** Share of viewers whose coverage holds this point (0–1). */
  retention: number;
  viewers: number;
  /** Plays of this point over all viewers; plays − viewers are re-watches. */
  plays: number;
  /** Unfinished viewers whose last position is here. */
  stops: number;
}

export interface VideoEngagement {
  asOf: string | null;
  lessonId: string;
  title: string;
  durationSeconds: number | null;
  viewers: number;
  averageWatchedShare: number;
  /** Seconds of video per point (1 for videos up to 300 s; longer ones are downsampled). */
  bucketSeconds: number;
  points: RetentionPoint[];
  /** Stretches played noticeably more than once per viewer, most re-watched first (≤ 5). */
  rewatchedSegments: Array<{ fromSecond: number; toSecond: number; playsPerViewer: number }>;
  /** Where unfinished viewers stopped, most first (≤ 5). */
  stopPoints: Array<{ second: number; stops: number }>;
}

export interface QuizSummary {
  lessonId: string;
  title: string;
  attempts: number;
  passRate: number;
  /** Mean attempt score in percent; null before any attempt. */
  averageScore: number | null;
  /** Attempts per score band: [0–9 %, 10–19 %, …, 90–99 %, 100 %]. */
  scoreBands: number[];
}

export interface QuizQuestionStats {
  questionId: string;
  position: number;
  prompt: string;
  kind: string;
  attempts: number;
  /** Share of attempts that got it right (classical difficulty, p-value). */
  difficulty: number | null;
  /**
   * Share correct in the top-scoring group minus the bottom group (each ≈ 27 % of attempts,
   * by score band); null when either group is empty.
   */
  discrimination: number | null;
  /** The wrong option chosen most, for choice questions; null when none was. */
  mostChosenWrong: { optionId: string; text: string; chosen: number; share: number } | null;
  options: Array<{ optionId: string; text: string; correct: boolean; chosen: number }>;
}

export interface QuizAnalytics extends QuizSummary {
  asOf: string | null;
  passingPercent: number;
  questions: QuizQuestionStats[];
}

export interface ExerciseSummary {
  lessonId: string;
  title: string;
  learners: number;
  submissions: number;
  passRate: number;
  /** Graded submissions per verdict (e.g. passed / failed / error / timeout). */
  verdicts: Record<string, number>;
}

export interface AssignmentSummary {
  lessonId: string;
  title: string;
  submitted: number;
  graded: number;
  /** Graded submissions per grade band, as quiz score bands. */
  gradeBands: number[];
  /** Submissions waiting: for peer reviews, for a staff grade. */
  backlog: { awaitingReviews: number; awaitingGrade: number };
}

export interface AssessmentsOverview {
  asOf: string | null;
  quizzes: QuizSummary[];
  exercises: ExerciseSummary[];
  assignments: AssignmentSummary[];
}

export interface LearnerRow {
  userId: string;
  name: string;
  email: string;
  enrollmentId: string;
  enrolledAt: string;
  percent: number;
  lessonsCompleted: number;
  lastActiveAt: string | null;
  quizAverage: number | null;
  quizzesPassed: number;
  certificate: { id: string; issuedAt: string } | null;
  atRisk: boolean;
}

export interface LearnersTable {
  asOf: string | null;
  /** Learners matching the search and filter. */
  total: number;
  /** Active learners at risk under the rule given, whatever the search. */
  atRiskTotal: number;
  page: number;
  pageSize: number;
  requiredLessons: number;
  learners: LearnerRow[];
}
