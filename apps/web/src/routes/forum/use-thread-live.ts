/**
 * The seam for live updates of an open thread (new replies, edits, votes without a reload).
 * The "live" work provides the subscription; until it lands this hook does nothing and the
 * thread refreshes on the reader's own actions and on focus.
 */
export function useThreadLive(_threadId: string): void {}
