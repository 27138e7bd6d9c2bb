import { SUBMISSION_MAX } from "./assignment-view";

export const TOO_LONG =
  "Your submission can be at most 50,000 characters. Attach a file for longer work.";

/** "1,234 / 50,000 characters". */
export function characterCount(text: string): string {
  return `${text.length.toLocaleString("en")} / ${SUBMISSION_MAX.toLocaleString("en")} characters`;
}

/** What stops a submission before it is sent (the server says the same). */
export function bodyError(text: string): string | null {
  return text.length > SUBMISSION_MAX ? TOO_LONG : null;
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
        return "Your submission has been graded, so it can no longer change.";
      case "needs_staff":
        return "The review window closed, so your submission can no longer change.";
      default:
        return "A reviewer has started reviewing your submission, so it can no longer change.";
    }
  }
  if (!open) {
    return dueAt
      ? `Submissions closed on ${formatMoment(dueAt)}, so your submission can no longer change.`
      : "Submissions are closed, so your submission can no longer change.";
  }
  return null;
}
