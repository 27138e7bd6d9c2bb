import { msg, plural, t } from "@lingui/core/macro";
import type { inferInput, inferOutput } from "@trpc/tanstack-react-query";
import { intlLocale } from "../../../lib/i18n";
import type { trpc } from "../../../lib/trpc";

/**
 * The words and numbers of the instructor dashboard (ADR 0024), apart from the markup. The
 * functions that return words are called while rendering, in the active language; each case
 * is one whole sentence in the catalog.
 */
export type CourseOverview = inferOutput<typeof trpc.analytics.overview>;
export type PeriodTotals = CourseOverview["totals"];
export type CourseFunnel = inferOutput<typeof trpc.analytics.funnel>;
export type FunnelLesson = CourseFunnel["lessons"][number];
export type VideoSummary = inferOutput<typeof trpc.analytics.videos>["videos"][number];
export type VideoEngagement = inferOutput<typeof trpc.analytics.video>;
export type AssessmentsOverview = inferOutput<typeof trpc.analytics.assessments>;
export type QuizSummary = AssessmentsOverview["quizzes"][number];
export type QuizAnalytics = inferOutput<typeof trpc.analytics.quiz>;
export type QuizQuestion = QuizAnalytics["questions"][number];
export type LearnersTable = inferOutput<typeof trpc.analytics.learners>;
export type LearnerRow = LearnersTable["learners"][number];
export type LearnersInput = inferInput<typeof trpc.analytics.learners>;
export type LearnerSort = NonNullable<LearnersInput["sort"]>;
export type SortDirection = NonNullable<LearnersInput["direction"]>;
export type Granularity = "day" | "week";

export const DASHBOARD_TABS = ["overview", "lessons", "video", "assessments", "learners"] as const;
export type DashboardTab = (typeof DASHBOARD_TABS)[number];

export const parseDashboardTab = (value: string | null): DashboardTab =>
  DASHBOARD_TABS.find((tab) => tab === value) ?? "overview";

export const analyticsPath = (courseId: string, tab?: DashboardTab) =>
  `/teach/courses/${courseId}/analytics${tab && tab !== "overview" ? `?tab=${tab}` : ""}`;

export const EMPTY_ACTIVITY = msg`No activity yet — learners' progress appears here within a minute.`;

/** "23 %": shares arrive as 0–1 fractions. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return "—";
  return `${Math.round(share * 100)} %`;
}

/** A difference of shares in percentage points, with a real minus sign: "−23 points". */
export function formatPoints(delta: number): string {
  const points = Math.round(Math.abs(delta) * 100);
  const sign = points === 0 ? "" : delta < 0 ? "−" : "+";
  return t`${sign}${plural(points, { one: "# point", other: "# points" })}`;
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString(intlLocale(), { maximumFractionDigits: digits });
}

export interface Change {
  direction: "up" | "down" | "flat";
  /** Rounded percent change; null when the previous period had none (nothing to compare). */
  percent: number | null;
}

/** How `current` compares with the previous period's value. */
export function compare(current: number, previous: number): Change {
  if (current === previous) return { direction: "flat", percent: 0 };
  const direction = current > previous ? "up" : "down";
  if (previous === 0) return { direction, percent: null };
  return { direction, percent: Math.round((Math.abs(current - previous) / previous) * 100) };
}

/** "▲ 12 %", "▼ 5 %", "no change", "▲ new": the arrow is doubled by words for screen readers. */
export function changeText(change: Change): { symbol: string; text: string; spoken: string } {
  if (change.direction === "flat")
    return { symbol: "", text: t`no change`, spoken: t`no change from the previous period` };
  const up = change.direction === "up";
  const symbol = up ? "▲" : "▼";
  const percent = change.percent;
  if (percent === null)
    return {
      symbol,
      text: t`new`,
      spoken: up
        ? t`up from none in the previous period`
        : t`down from none in the previous period`,
    };
  return {
    symbol,
    text: `${percent} %`,
    spoken: up
      ? t`up ${percent} % from the previous period`
      : t`down ${percent} % from the previous period`,
  };
}

/** One sentence for the enrollments chart: "Enrollments rose 12 % to 340; 28 unenrollments." */
export function enrollmentSummary(totals: PeriodTotals, previous: PeriodTotals): string {
  const change = compare(totals.enrolled, previous.enrolled);
  const enrolled = formatNumber(totals.enrolled);
  const n = totals.unenrolled;
  const percent = change.percent;
  if (change.direction === "flat")
    return t`Enrollments held at ${enrolled}; ${plural(n, { one: "# unenrollment", other: "# unenrollments" })}.`;
  if (change.direction === "up")
    return percent === null
      ? t`Enrollments rose to ${enrolled}; ${plural(n, { one: "# unenrollment", other: "# unenrollments" })}.`
      : t`Enrollments rose ${percent} % to ${enrolled}; ${plural(n, { one: "# unenrollment", other: "# unenrollments" })}.`;
  return percent === null
    ? t`Enrollments fell to ${enrolled}; ${plural(n, { one: "# unenrollment", other: "# unenrollments" })}.`
    : t`Enrollments fell ${percent} % to ${enrolled}; ${plural(n, { one: "# unenrollment", other: "# unenrollments" })}.`;
}

/** One sentence for the active learners chart: the busiest period and the daily average. */
export function activeSummary(overview: CourseOverview): string {
  const peak = overview.series.reduce<CourseOverview["series"][number] | null>(
    (best, point) => (best === null || point.active > best.active ? point : best),
    null,
  );
  const average = formatNumber(overview.totals.averageDailyActive, 1);
  if (!peak || peak.active === 0) return t`No learner was active in this period.`;
  const most = formatNumber(peak.active);
  const period = peak.period;
  return overview.granularity === "week"
    ? t`${average} learners active on an average day; most (${most}) in the week of ${period}.`
    : t`${average} learners active on an average day; most (${most}) in ${period}.`;
}

/** A range of `days` days ending today (UTC), both ends included. */
export function presetRange(days: number, today: string): { from: string; to: string } {
  const end = Date.parse(`${today}T00:00:00Z`);
  return { from: new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10), to: today };
}

export const todayUtc = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);

/** What is wrong with a custom range, in the words of the date inputs; null when it is fine. */
export function rangeProblem(from: string, to: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to))
    return t`Choose both a start and an end date.`;
  if (from > to) return t`The start date must not be after the end date.`;
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= 367)
    return t`A range covers at most 367 days.`;
  return null;
}

/** The lesson before the largest drop, in words: where most learners stop. */
export function funnelCallout(lessons: readonly FunnelLesson[]): string | null {
  let worst: { before: FunnelLesson; drop: number } | null = null;
  for (let i = 1; i < lessons.length; i++) {
    const lesson = lessons[i];
    const before = lessons[i - 1];
    const drop = lesson?.dropFromPrevious ?? 0;
    if (lesson && before && drop > 0 && (worst === null || drop > worst.drop))
      worst = { before, drop };
  }
  if (!worst) return null;
  const title = worst.before.title;
  const points = formatPoints(-worst.drop);
  return t`Most learners stop after “${title}”: ${points}.`;
}

export function funnelSummary(funnel: CourseFunnel): string {
  const first = funnel.lessons[0];
  const last = funnel.lessons.at(-1);
  if (!first || !last) return t`The course has no lessons yet.`;
  const started = formatShare(first.startedShare);
  const completed = formatShare(last.completedShare);
  return t`Of ${plural(funnel.learners, { one: "# learner", other: "# learners" })}, ${started} started the first lesson and ${completed} completed the last.`;
}

/** mm:ss, for points of a video. */
export function formatSecond(second: number): string {
  const s = Math.max(0, Math.floor(second));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Where half the viewers have gone, and how many reach the end. */
export function retentionSummary(video: VideoEngagement): string {
  const points = video.points;
  const last = points.at(-1);
  if (video.viewers === 0 || !last) return t`Nobody has watched this video yet.`;
  const half = points.find((p) => p.retention < 0.5);
  const watched = formatShare(video.averageWatchedShare);
  const reach = formatShare(last.retention);
  const n = video.viewers;
  if (!half)
    return t`${plural(n, { one: "# viewer", other: "# viewers" })} watched ${watched} of the video on average; more than half the viewers stay to the end; ${reach} reach the last point.`;
  const gone = formatSecond(half.second);
  return t`${plural(n, { one: "# viewer", other: "# viewers" })} watched ${watched} of the video on average; half the viewers are gone by ${gone}; ${reach} reach the last point.`;
}

/** The score bands' labels: 0–9 %, 10–19 %, … 90–99 %, then exactly 100 %. */
export const BAND_LABELS: readonly string[] = [
  ...Array.from({ length: 10 }, (_, i) => `${i * 10}–${i * 10 + 9} %`),
  "100 %",
];

export function bandsSummary(bands: readonly number[], what: "attempts" | "grades"): string {
  const total = bands.reduce((sum, n) => sum + n, 0);
  if (total === 0) return what === "attempts" ? t`No attempts yet.` : t`No grades yet.`;
  let mode = 0;
  bands.forEach((n, i) => {
    if (n > (bands[mode] ?? 0)) mode = i;
  });
  const most = formatNumber(bands[mode] ?? 0);
  const band = BAND_LABELS[mode] ?? "";
  return what === "attempts"
    ? t`${plural(total, { one: "# attempt", other: "# attempts" })}; most (${most}) scored ${band}.`
    : t`${plural(total, { one: "# grade", other: "# grades" })}; most (${most}) scored ${band}.`;
}

export const REVIEW_DIFFICULTY = 0.3;
export const REVIEW_DISCRIMINATION = 0.1;

/** Why a question deserves a second look (too hard, or not telling strong from weak), if it does. */
export function reviewReasons(question: QuizQuestion): string[] {
  const reasons: string[] = [];
  if (question.difficulty !== null && question.difficulty < REVIEW_DIFFICULTY) {
    const share = formatShare(question.difficulty);
    reasons.push(t`only ${share} get it right`);
  }
  if (question.discrimination !== null && question.discrimination < REVIEW_DISCRIMINATION)
    reasons.push(t`strong and weak learners do about as well`);
  return reasons;
}

const DEFAULT_DIRECTION: Record<LearnerSort, SortDirection> = {
  name: "asc",
  progress: "desc",
  lastActive: "desc",
  enrolled: "desc",
  quizAverage: "desc",
  certificate: "desc",
};

/** A click on a header: the same column flips its direction, another starts at its natural one. */
export function nextSort(
  current: { sort: LearnerSort; direction: SortDirection },
  column: LearnerSort,
): { sort: LearnerSort; direction: SortDirection } {
  if (current.sort === column)
    return { sort: column, direction: current.direction === "asc" ? "desc" : "asc" };
  return { sort: column, direction: DEFAULT_DIRECTION[column] };
}

export function ariaSort(
  current: { sort: LearnerSort; direction: SortDirection },
  column: LearnerSort,
): "ascending" | "descending" | "none" {
  if (current.sort !== column) return "none";
  return current.direction === "asc" ? "ascending" : "descending";
}

export type CsvTable =
  | "overview"
  | "funnel"
  | "videos"
  | "video"
  | "quizzes"
  | "quiz"
  | "exercises"
  | "assignments"
  | "learners";

/**
 * The CSV export of one table, with the filters the page shows: a plain link the API
 * streams (GET /api/courses/:courseId/analytics/:table.csv). Empty values are left out.
 */
export function csvHref(
  courseId: string,
  table: CsvTable,
  params: Record<string, string | number | boolean | null | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    query.set(key, String(value));
  }
  const search = query.toString();
  return `/api/courses/${encodeURIComponent(courseId)}/analytics/${table}.csv${search ? `?${search}` : ""}`;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
