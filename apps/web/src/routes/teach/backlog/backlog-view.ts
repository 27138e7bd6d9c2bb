import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg, plural, t } from "@lingui/core/macro";
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { BadgeTone } from "../../../components/ui/Badge";
import { intlLocale } from "../../../lib/i18n";
import type { trpc } from "../../../lib/trpc";

/**
 * The words and numbers of an assignment's reviews backlog, apart from the markup. Labels are
 * message descriptors; the functions that return words are called while rendering, in the
 * active language.
 */
export type AssignmentBacklog = inferOutput<typeof trpc.assignment.backlog>;
export type BacklogSubmission = AssignmentBacklog["submissions"][number];
export type BacklogState = BacklogSubmission["state"];
export type StaffSubmission = inferOutput<typeof trpc.assignment.staffSubmission>;
export type GradedBy = NonNullable<BacklogSubmission["gradedBy"]>;
export type StaffCriterion = StaffSubmission["rubric"][number];

export const backlogPath = (courseId: string, lessonId: string) =>
  `/teach/courses/${courseId}/assignments/${lessonId}`;

/** The states in the order work moves through them (flagged and staff last: they need you). */
export const BACKLOG_STATES: ReadonlyArray<{
  state: BacklogState;
  label: MessageDescriptor;
  tone: BadgeTone;
}> = [
  { state: "waiting", label: msg`Waiting`, tone: "neutral" },
  { state: "in_review", label: msg`In review`, tone: "info" },
  { state: "graded", label: msg`Graded`, tone: "success" },
  { state: "flagged", label: msg`Flagged`, tone: "warning" },
  { state: "needs_staff", label: msg`Needs staff`, tone: "danger" },
];

export const stateLabel = (state: BacklogState) => {
  const label = BACKLOG_STATES.find((s) => s.state === state)?.label;
  return label ? i18n._(label) : state;
};
export const stateTone = (state: BacklogState): BadgeTone =>
  BACKLOG_STATES.find((s) => s.state === state)?.tone ?? "neutral";

const GRADED_BY: Record<GradedBy, MessageDescriptor> = {
  peers: msg`Peers`,
  peers_partial: msg`Peers (window closed early)`,
  staff: msg`Staff`,
  override: msg`Staff override`,
};
export const gradedByLabel = (by: GradedBy | null) => (by ? i18n._(GRADED_BY[by]) : "—");

export const totalOf = (counts: Record<BacklogState, number>) =>
  BACKLOG_STATES.reduce((sum, s) => sum + (counts[s.state] ?? 0), 0);

/** One sentence for the chart's accessible name: every state that has submissions. */
export function countsSummary(counts: Record<BacklogState, number>): string {
  const total = totalOf(counts);
  if (total === 0) return t`No submissions yet.`;
  const locale = intlLocale();
  const parts = new Intl.ListFormat(locale, { style: "short", type: "unit" }).format(
    BACKLOG_STATES.filter((s) => counts[s.state] > 0).map(
      (s) => `${counts[s.state]} ${i18n._(s.label).toLocaleLowerCase(locale)}`,
    ),
  );
  return t`${plural(total, { one: "# submission", other: "# submissions" })}: ${parts}.`;
}

export interface Segment {
  state: BacklogState;
  label: string;
  count: number;
  x: number;
  width: number;
}

/** The stacked bar: one segment per state that has submissions, across `width`, in order. */
export function stackedSegments(counts: Record<BacklogState, number>, width: number): Segment[] {
  const total = totalOf(counts);
  if (total === 0) return [];
  let x = 0;
  return BACKLOG_STATES.filter((s) => counts[s.state] > 0).map((s) => {
    const w = (counts[s.state] / total) * width;
    const segment = { state: s.state, label: i18n._(s.label), count: counts[s.state], x, width: w };
    x += w;
    return segment;
  });
}

/** "Dec 6, 2026, 2:05 PM", in the active language. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium", timeStyle: "short" }).format(
    date,
  );
}

/** "42 %" (whole), "—" without a grade. */
export const percentText = (percent: number | null) =>
  percent === null ? "—" : `${Math.round(percent)} %`;

/** Whether staff grading this submission replaces a grade that stands (an override). */
export const isOverride = (status: StaffSubmission["status"]) => status === "graded";

export interface StaffScoreDraft {
  levelId: string;
  comment: string;
}

/**
 * The grade form's start: the current grade's level per criterion where it names one (a
 * peer median between two levels names none), and its comments; empty when ungraded.
 */
export function initialStaffScores(submission: StaffSubmission): Record<string, StaffScoreDraft> {
  const out: Record<string, StaffScoreDraft> = {};
  for (const score of submission.grade?.scores ?? []) {
    const criterion = submission.rubric.find((c) => c.id === score.criterionId);
    if (criterion?.levels.some((l) => l.id === score.levelId)) {
      out[score.criterionId] = { levelId: score.levelId, comment: score.comment };
    }
  }
  return out;
}

/** The rubric's rules for a grade, as the API checks them: a level each, comments where asked. */
export function staffGradeErrors(
  rubric: readonly StaffCriterion[],
  scores: Record<string, StaffScoreDraft>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const criterion of rubric) {
    const score = scores[criterion.id];
    if (!score || !criterion.levels.some((l) => l.id === score.levelId)) {
      const title = criterion.title;
      errors[criterion.id] = t`Choose a level for “${title}”.`;
    } else if (criterion.commentRequired && !score.comment.trim()) {
      const title = criterion.title;
      errors[criterion.id] = t`Explain your choice for “${title}”.`;
    }
  }
  return errors;
}

/** The API's refusal of a grade: `scores.<criterionId>` onto its criterion, the rest as one message. */
export function serverGradeErrors(
  fieldErrors: Record<string, string>,
  message: string,
): { scores: Record<string, string>; note?: string; form?: string } {
  const scores: Record<string, string> = {};
  let note: string | undefined;
  const rest: string[] = [];
  for (const [path, text] of Object.entries(fieldErrors)) {
    const [head, second] = path.split(".");
    if (head === "scores" && second && !/^\d+$/.test(second)) scores[second] = text;
    else if (head === "note") note = text;
    else rest.push(text);
  }
  const placed = Object.keys(scores).length > 0 || note !== undefined;
  const form = rest.length > 0 ? rest.join(" ") : placed ? undefined : message;
  return { scores, ...(note ? { note } : {}), ...(form ? { form } : {}) };
}

/** Points of the grade as chosen so far, against the rubric's most. */
export function chosenPoints(
  rubric: readonly StaffCriterion[],
  scores: Record<string, StaffScoreDraft>,
): { points: number; max: number } {
  let points = 0;
  let max = 0;
  for (const criterion of rubric) {
    max += Math.max(0, ...criterion.levels.map((l) => l.points));
    points += criterion.levels.find((l) => l.id === scores[criterion.id]?.levelId)?.points ?? 0;
  }
  return { points, max };
}
