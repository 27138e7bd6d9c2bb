import { apiErrorCode } from "../../../lib/trpc";

/**
 * One client-generated id per quiz attempt. The id is made when the learner first submits
 * and kept until the server has graded that attempt: a submit that timed out or lost its
 * answer is retried with the same id, so the server returns the grade it already gave
 * instead of counting a second attempt. "Try again" after a grade starts a new id.
 */
export interface AttemptIds {
  /** The id to submit with: the pending one, or a new one. */
  forSubmit(): string;
  /** The server graded (or replayed) this attempt: the next submit is a new attempt. */
  graded(): void;
  /** The id a retry would reuse, if a submit is pending. */
  pending(): string | null;
}

export function createAttemptIds(newId: () => string = () => crypto.randomUUID()): AttemptIds {
  let current: string | null = null;
  return {
    forSubmit() {
      current ??= newId();
      return current;
    },
    graded() {
      current = null;
    },
    pending: () => current,
  };
}

/**
 * Whether a failed submit may have reached the server (network error, timeout, 5xx), so the
 * learner should retry with the same attempt; a 4xx refusal (no attempts left, not enrolled)
 * will not change by retrying.
 */
export function mayRetrySubmit(error: unknown): boolean {
  return apiErrorCode(error) === null;
}
