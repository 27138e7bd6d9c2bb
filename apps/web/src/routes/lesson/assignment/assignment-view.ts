import type { inferOutput } from "@trpc/tanstack-react-query";
import { plural } from "../../../lib/format";
import type { trpc } from "../../../lib/trpc";

export type LearnerAssignment = inferOutput<typeof trpc.assignment.take>;
export type Grade = NonNullable<LearnerAssignment["grade"]>;
export type ReceivedReview = LearnerAssignment["reviews"][number];
export type Lease = NonNullable<LearnerAssignment["reviewing"]["lease"]>;
export type CalibrationExample = LearnerAssignment["calibration"]["examples"][number];

/** A submission's text may be this long; files carry anything longer (the server's limit). */
export const SUBMISSION_MAX = 50_000;

export type StepKey = "submit" | "review" | "waiting" | "graded";
export type StepState = "done" | "current" | "upcoming";
export interface Step {
  key: StepKey;
  label: string;
  detail: string;
  state: StepState;
}

/**
 * Submit → Review others → Waiting for reviews → Graded. A step is done by what the learner
 * has (a submission, the reviews they gave, a grade); the first step not done is the current
 * one — so a learner graded before giving all their reviews is still shown to owe them.
 */
export function stepsOf(a: LearnerAssignment): Step[] {
  const submitted = a.submission !== null;
  const { given, toGive } = a.reviewing;
  const received = a.submission?.reviewsReceived ?? 0;
  const needed = a.settings.reviewsNeeded;
  const graded = a.stage === "graded";
  const staff = a.stage === "needs_staff";
  const steps: Array<Omit<Step, "state"> & { done: boolean }> = [
    {
      key: "submit",
      label: "Submit",
      detail: submitted ? "Submitted" : a.open ? "Not submitted yet" : "Submissions are closed",
      done: submitted,
    },
    {
      key: "review",
      label: "Review others",
      detail: toGive === 0 ? "No reviews to give" : `${Math.min(given, toGive)} of ${toGive} given`,
      done: submitted && given >= toGive,
    },
    {
      key: "waiting",
      label: staff ? "Waiting for an instructor" : "Waiting for reviews",
      detail: `${received} of ${needed} received`,
      done: graded,
    },
    {
      key: "graded",
      label: "Graded",
      detail: a.grade ? gradedByShort(a.grade) : "Not graded yet",
      done: graded,
    },
  ];
  const current = steps.findIndex((s) => !s.done);
  return steps.map(({ done, ...step }, i) => ({
    ...step,
    state: done ? "done" : i === current ? "current" : "upcoming",
  }));
}

function gradedByShort(grade: Grade): string {
  switch (grade.gradedBy) {
    case "peers":
      return "By your peers";
    case "peers_partial":
      return "By your peers (partly)";
    case "staff":
    case "override":
      return "By an instructor";
  }
}

/** Says exactly how the grade came about (the "the learner is told which"). */
export function gradedByText(grade: Grade, reviewsReceived: number, reviewsNeeded: number): string {
  switch (grade.gradedBy) {
    case "peers":
      return `Graded from the median of ${plural(reviewsReceived, "peer review")}.`;
    case "peers_partial":
      return `Graded from ${reviewsReceived} of ${plural(reviewsNeeded, "review")} because the review window closed.`;
    case "staff":
      return "An instructor graded your submission.";
    case "override":
      return "An instructor graded your submission; this replaces the peer grade.";
  }
}

export const NEEDS_STAFF_TEXT =
  "Your submission didn't get enough reviews before the window closed; an instructor will grade it.";

/** "Mar 4, 2026, 3:45 PM": a moment in the learner's own locale and time zone. */
export function formatMoment(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

/** "7 h 5 min left": a lease's time left, to the minute (seconds would only be noise). */
export function formatTimeLeft(ms: number): string {
  if (ms <= 0) return "Time is up";
  if (ms < 60_000) return "Less than a minute left";
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min left`;
  return rest === 0 ? `${hours} h left` : `${hours} h ${rest} min left`;
}

/**
 * What a screen reader is told about a lease's clock: nothing while there is time, then once
 * at five minutes, once at one, and once when it runs out — the visible countdown stays quiet.
 */
export function leaseAnnouncement(ms: number): string {
  if (ms <= 0) return "Your time to review this submission ran out.";
  if (ms <= 60_000) return "About a minute left to submit this review.";
  if (ms <= 5 * 60_000) return "About five minutes left to submit this review.";
  return "";
}

/** "80 %" of a 0–1 accuracy. */
export function accuracyPercent(accuracy: number): string {
  return `${Math.round(accuracy * 100)} %`;
}

/** The review window as the page states it before submitting. */
export function reviewWindowText(settings: LearnerAssignment["settings"], locale?: string) {
  const hours = settings.reviewWindowHours;
  const span = hours % 24 === 0 ? plural(hours / 24, "day") : plural(hours, "hour");
  const close = settings.reviewsCloseAt
    ? `, and no later than ${formatMoment(settings.reviewsCloseAt, locale)}`
    : "";
  return `Reviews of your work close ${span} after you submit${close}.`;
}

export type NoLeaseReason = "submit_first" | "calibrate_first" | "none_available";

/** Why "Review next" handed out nothing, and what the learner can expect. */
export function noLeaseText(reason: NoLeaseReason, given: number, toGive: number): string {
  switch (reason) {
    case "submit_first":
      return "Submit your own work first; then you can review others.";
    case "calibrate_first":
      return "Grade the practice examples first; then you can review others.";
    case "none_available": {
      const owed =
        given < toGive
          ? ` You still have ${plural(toGive - given, "review")} to give; this lesson completes once you have given them or your review window closes.`
          : "";
      return `Nothing to review right now — check back later. Submissions arrive as classmates submit, and one whose reviewer ran out of time goes back to the pool.${owed}`;
    }
  }
}

/** After a review lands: where the learner stands. */
export function reviewedText(given: number, toGive: number): string {
  if (toGive === 0 || given > toGive)
    return `Review submitted — thank you. You have given ${plural(given, "review")}.`;
  if (given === toGive)
    return `Review submitted — ${given} of ${toGive} given. That's all the reviews asked of you.`;
  return `Review submitted — ${given} of ${toGive} given.`;
}

/** A flagged review's state as its author sees it. */
export function flagStatus(review: { flagResolution: string | null }): string {
  switch (review.flagResolution) {
    case null:
      return "Flagged — staff will look at it.";
    case "kept":
      return "Flagged — an instructor looked at it and kept this review.";
    case "overridden":
      return "Flagged — an instructor looked at it and graded your submission themselves.";
    default:
      return `Flagged — resolved (${review.flagResolution}).`;
  }
}
