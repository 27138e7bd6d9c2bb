import { i18n } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import type { NoticeTone } from "../../../components/ui/Notice";
import type { Lease } from "./assignment-view";
import { emptyScores, formForLease, type ScoreErrors, type ScoresForm } from "./scores-form";

export interface ReviewMessage {
  tone: NoticeTone;
  text: string;
  /** Offer "Review next" with the message (the lease ran out). */
  next?: boolean;
}

/**
 * The review panel: the lease on screen and the reviewer's form. The form is kept apart from
 * the lease on purpose — a lease that ran out, or a "Review next" that found nothing, leaves
 * the scores in place, and they come back if the same submission is leased again.
 */
export interface ReviewSession {
  lease: Lease | null;
  form: ScoresForm | null;
  errors: ScoreErrors;
  /** Bumped on each refusal with errors: focus moves to the first one. */
  focusKey: number;
  message: ReviewMessage | null;
}

export type ReviewEvent =
  | { type: "asking" }
  | { type: "leased"; lease: Lease; resumed: boolean }
  | { type: "no-lease"; text: string }
  | { type: "edited"; form: ScoresForm }
  | { type: "invalid"; errors: ScoreErrors; text?: string }
  | { type: "sending" }
  | { type: "reviewed"; text: string }
  | { type: "lease-expired"; text: string }
  | { type: "failed"; text: string };

/** A descriptor: the reducer words it when the lease arrives, in the language active then. */
export const SAME_AGAIN = msg`It's the same submission again: your scores and comments are still here — submit them when ready.`;

export function startSession(lease: Lease | null): ReviewSession {
  return {
    lease,
    form: lease ? emptyScores(lease.submissionId) : null,
    errors: {},
    focusKey: 0,
    message: null,
  };
}

export function reviewSession(state: ReviewSession, event: ReviewEvent): ReviewSession {
  switch (event.type) {
    case "asking":
    case "sending":
      return { ...state, message: null };
    case "leased": {
      const form = formForLease(state.form, event.lease.submissionId);
      const same = state.form !== null && form === state.form;
      return {
        ...state,
        lease: event.lease,
        form,
        errors: {},
        message: same
          ? { tone: "info", text: i18n._(SAME_AGAIN) }
          : event.resumed
            ? { tone: "info", text: t`You were already reviewing this submission.` }
            : null,
      };
    }
    case "no-lease":
      return { ...state, lease: null, message: { tone: "info", text: event.text } };
    case "edited":
      return { ...state, form: event.form };
    case "invalid":
      return {
        ...state,
        errors: event.errors,
        focusKey: state.focusKey + 1,
        message: event.text ? { tone: "error", text: event.text } : null,
      };
    case "reviewed":
      return { ...startSession(null), message: { tone: "success", text: event.text } };
    case "lease-expired":
      // Nothing was recorded: the lease stays on screen and the form keeps every word.
      return { ...state, message: { tone: "warning", text: event.text, next: true } };
    case "failed":
      return { ...state, message: { tone: "error", text: event.text } };
  }
}
