export type RunPurpose = "submit" | "samples";

/**
 * One client-generated id per run, as quiz attempts have (quiz-attempt.ts): made on the
 * click, kept while the send is unanswered, so a send that timed out or lost its answer is
 * retried with the same id and the server hands back the run it already queued instead of
 * spending a second attempt. The id belongs to what was sent: a retry of a different purpose
 * or different code is a new run with a new id.
 */
export interface SubmissionIds {
  /** The id to send `code` as `purpose` with: the pending one when it is a retry of it. */
  forSend(purpose: RunPurpose, code: string): string;
  /** The server answered (queued, replayed or refused): the next send is a new run. */
  answered(): void;
  /** The pending send a retry would repeat, if any. */
  pending(): { id: string; purpose: RunPurpose } | null;
}

export function createSubmissionIds(
  newId: () => string = () => crypto.randomUUID(),
): SubmissionIds {
  let current: { id: string; purpose: RunPurpose; code: string } | null = null;
  return {
    forSend(purpose, code) {
      if (!current || current.purpose !== purpose || current.code !== code) {
        current = { id: newId(), purpose, code };
      }
      return current.id;
    },
    answered() {
      current = null;
    },
    pending: () => (current ? { id: current.id, purpose: current.purpose } : null),
  };
}
