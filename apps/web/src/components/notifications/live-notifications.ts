import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { type LiveStatus, useLiveSubscription } from "../../lib/live";
import { subscribeSse } from "../../lib/sse-subscription";
import { trpc } from "../../lib/trpc";

type LiveNotificationEvent =
  | { type: "ready" }
  | { type: "notification"; id: string }
  | { type: "resync" };

/**
 * While signed in, the bell's count and list follow the server live: each new notification,
 * a reconnect (what happened meanwhile) and a server's "resync" re-read them once.
 */
export function useLiveNotifications(): LiveStatus {
  const queryClient = useQueryClient();
  const readies = useRef(0);
  return useLiveSubscription<LiveNotificationEvent>(
    "notifications",
    (input, handlers) => subscribeSse("live.notifications", input, handlers),
    (event) => {
      // The first "ready" is the page's own start: its queries are fresh already.
      if (event.type === "ready" && readies.current++ === 0) return;
      void queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
    },
  );
}
