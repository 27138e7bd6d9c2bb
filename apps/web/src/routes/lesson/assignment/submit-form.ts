import { i18n } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import { intlLocale } from "../../../lib/i18n";
import { SUBMISSION_MAX } from "./assignment-view";

// Sentences are built when called (during render, or as the learner submits), in the active
// language; the constant is a descriptor for the same reason.
export const TOO_LONG = msg`Your submission can be at most 50,000 characters. Attach a file for longer work.`;

/** "1,234 / 50,000 characters". */
export function characterCount(text: string): string {
  const locale = intlLocale();
  const count = text.length.toLocaleString(locale);
  const max = SUBMISSION_MAX.toLocaleString(locale);
  return t`${count} / ${max} characters`;
}

/** What stops a submission before it is sent (the server says the same). */
export function bodyError(text: string): string | null {
  return text.length > SUBMISSION_MAX ? i18n._(TOO_LONG) : null;
}

type Status = "submitted" | "in_review" | "graded" | "needs_staff";

/**
 * Why the learner's submission can no longer change, or null while it can be revised: the
 * first reviewer's lease locks it; the due date closes it.
 */
export function lockedReason(
  submission: { status: Status; locked: boolean },
  open: boolean,
  dueAt: string | null,
  formatMoment: (iso: string) => string,
): string | null {
  if (submission.locked) {
    switch (submission.status) {
      case "graded":
        return t`Your submission has been graded, so it can no longer change.`;
      case "needs_staff":
        return t`The review window closed, so your submission can no longer change.`;
      default:
        return t`A reviewer has started reviewing your submission, so it can no longer change.`;
    }
  }
  if (!open) {
    if (!dueAt) return t`Submissions are closed, so your submission can no longer change.`;
    const closed = formatMoment(dueAt);
    return t`Submissions closed on ${closed}, so your submission can no longer change.`;
  }
  return null;
}
