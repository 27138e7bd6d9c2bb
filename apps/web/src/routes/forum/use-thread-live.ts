import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { type ThreadEvent, useThreadEvents } from "../../lib/live-thread";
import { trpc } from "../../lib/trpc";

/**
 * Keeps an open thread current without a reload: each live event (a new reply, an edit, a
 * vote, moderation) re-reads the thread and its loaded replies through the forum queries,
 * which apply the hidden/deleted rules. The first "ready" is the initial connect; later ones
 * are reconnects, after which edits and votes made meanwhile must be re-read too.
 * Returns whether a connection that was open is being re-established (a quiet hint).
 */
export function useThreadLive(threadId: string): { reconnecting: boolean } {
  const queryClient = useQueryClient();
  const readies = useRef(0);
  const status = useThreadEvents(threadId, (event: ThreadEvent) => {
    if (event.type === "ready" && readies.current++ === 0) return;
    void queryClient.invalidateQueries({ queryKey: trpc.forum.thread.queryKey({ threadId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.forum.replies.pathKey() });
  });
  return { reconnecting: status === "connecting" && readies.current > 0 };
}
