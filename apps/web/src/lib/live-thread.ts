import { type LiveStatus, useLiveSubscription } from "./live";
import { subscribeSse } from "./sse-subscription";

/**
 * An open forum thread's live events (pointers: re-read through forum.* queries).
 * - "ready": listening; every ready after the first means a reconnect: re-read the thread
 *   (edits, votes and moderation made meanwhile are not replayed, replies are: see "reply").
 * - "reply": a new reply (`id` = reply id); after a reconnect, each one missed, in order.
 * - "edit" | "delete" | "vote" | "accept" | "endorse" | "moderation": that post changed
 *   (`id` = reply or thread id; "accept" on unaccept carries the thread id).
 * - "resync": something may have been missed: re-read the thread and its loaded replies.
 */
export type ThreadEvent =
  | { type: "ready" }
  | { type: "resync" }
  | {
      type: "reply" | "edit" | "delete" | "vote" | "accept" | "endorse" | "moderation";
      id: string;
    };

/**
 * Subscribes to `threadId`'s live events while mounted (null: none). `onEvent` may change
 * between renders; a new `threadId` opens a new subscription. Returns the connection status
 * ("open" or "connecting"), e.g. for a quiet "Reconnecting…" hint. A refusal (not a member,
 * thread hidden) ends in retries with backoff: the page's own query shows the error.
 */
export function useThreadEvents(
  threadId: string | null,
  onEvent: (event: ThreadEvent) => void,
): LiveStatus {
  return useLiveSubscription<ThreadEvent>(
    threadId,
    (input, handlers) =>
      subscribeSse(
        "live.thread",
        { threadId: threadId ?? "", lastEventId: input?.lastEventId ?? null },
        handlers,
      ),
    onEvent,
  );
}
