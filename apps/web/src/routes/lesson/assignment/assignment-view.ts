import { msg, plural, t } from "@lingui/core/macro";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { intlLocale } from "../../../lib/i18n";
import type { trpc } from "../../../lib/trpc";

// The helpers below build their sentences when called (during render, or as the learner acts),
// in the language active then; `t` here is Lingui's global one.

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
  const counted = Math.min(given, toGive);
  const steps: Array<Omit<Step, "state"> & { done: boolean }> = [
    {
      key: "submit",
      label: t`Submit`,
      detail: submitted ? t`Submitted` : a.open ? t`Not submitted yet` : t`Submissions are closed`,
      done: submitted,
    },
    {
      key: "review",
      label: t`Review others`,
      detail: toGive === 0 ? t`No reviews to give` : t`${counted} of ${toGive} given`,
      done: submitted && given >= toGive,
    },
    {
      key: "waiting",
      label: staff ? t`Waiting for an instructor` : t`Waiting for reviews`,
      detail: t`${received} of ${needed} received`,
      done: graded,
    },
    {
      key: "graded",
      label: t`Graded`,
      detail: a.grade ? gradedByShort(a.grade) : t`Not graded yet`,
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
      return t`By your peers`;
    case "peers_partial":
      return t`By your peers (partly)`;
    case "staff":
    case "override":
      return t`By an instructor`;
  }
}

/** Says exactly how the grade came about (the "the learner is told which"). */
export function gradedByText(grade: Grade, reviewsReceived: number, reviewsNeeded: number): string {
  switch (grade.gradedBy) {
    case "peers":
      return t`Graded from the median of ${plural(reviewsReceived, { one: "# peer review", other: "# peer reviews" })}.`;
    case "peers_partial":
      return t`Graded from ${reviewsReceived} of ${plural(reviewsNeeded, { one: "# review", other: "# reviews" })} because the review window closed.`;
    case "staff":
      return t`An instructor graded your submission.`;
    case "override":
      return t`An instructor graded your submission; this replaces the peer grade.`;
  }
}

/** A descriptor, translated where shown. */
export const NEEDS_STAFF_TEXT = msg`Your submission didn't get enough reviews before the window closed; an instructor will grade it.`;

/** "Mar 4, 2026, 3:45 PM": a moment in the active language (or `locale`) and the time zone. */
export function formatMoment(iso: string, locale = intlLocale(), timeZone?: string): string {
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
  if (ms <= 0) return t`Time is up`;
  if (ms < 60_000) return t`Less than a minute left`;
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t`${minutes} min left`;
  return rest === 0 ? t`${hours} h left` : t`${hours} h ${rest} min left`;
}

/**
 * What a screen reader is told about a lease's clock: nothing while there is time, then once
 * at five minutes, once at one, and once when it runs out — the visible countdown stays quiet.
 */
export function leaseAnnouncement(ms: number): string {
  if (ms <= 0) return t`Your time to review this submission ran out.`;
  if (ms <= 60_000) return t`About a minute left to submit this review.`;
  if (ms <= 5 * 60_000) return t`About five minutes left to submit this review.`;
  return "";
}

/** "80 %" of a 0–1 accuracy. */
export function accuracyPercent(accuracy: number): string {
  const percent = Math.round(accuracy * 100).toLocaleString(intlLocale());
  return t`${percent} %`;
}

/** The review window as the page states it before submitting. */
export function reviewWindowText(settings: LearnerAssignment["settings"], locale?: string) {
  const hours = settings.reviewWindowHours;
  const days = hours / 24;
  const span =
    hours % 24 === 0
      ? t`${plural(days, { one: "# day", other: "# days" })}`
      : t`${plural(hours, { one: "# hour", other: "# hours" })}`;
  if (!settings.reviewsCloseAt) return t`Reviews of your work close ${span} after you submit.`;
  const close = formatMoment(settings.reviewsCloseAt, locale);
  return t`Reviews of your work close ${span} after you submit, and no later than ${close}.`;
}

export type NoLeaseReason = "submit_first" | "calibrate_first" | "none_available";

/** Why "Review next" handed out nothing, and what the learner can expect. */
export function noLeaseText(reason: NoLeaseReason, given: number, toGive: number): string {
  switch (reason) {
    case "submit_first":
      return t`Submit your own work first; then you can review others.`;
    case "calibrate_first":
      return t`Grade the practice examples first; then you can review others.`;
    case "none_available": {
      const owed = toGive - given;
      return given < toGive
        ? t`Nothing to review right now — check back later. Submissions arrive as classmates submit, and one whose reviewer ran out of time goes back to the pool. You still have ${plural(owed, { one: "# review", other: "# reviews" })} to give; this lesson completes once you have given them or your review window closes.`
        : t`Nothing to review right now — check back later. Submissions arrive as classmates submit, and one whose reviewer ran out of time goes back to the pool.`;
    }
  }
}

/** After a review lands: where the learner stands. */
export function reviewedText(given: number, toGive: number): string {
  if (toGive === 0 || given > toGive)
    return t`Review submitted — thank you. You have given ${plural(given, { one: "# review", other: "# reviews" })}.`;
  if (given === toGive)
    return t`Review submitted — ${given} of ${toGive} given. That's all the reviews asked of you.`;
  return t`Review submitted — ${given} of ${toGive} given.`;
}

/** A flagged review's state as its author sees it. */
export function flagStatus(review: { flagResolution: string | null }): string {
  switch (review.flagResolution) {
    case null:
      return t`Flagged — staff will look at it.`;
    case "kept":
      return t`Flagged — an instructor looked at it and kept this review.`;
    case "overridden":
      return t`Flagged — an instructor looked at it and graded your submission themselves.`;
    default: {
      const resolution = review.flagResolution;
      return t`Flagged — resolved (${resolution}).`;
    }
  }
}
