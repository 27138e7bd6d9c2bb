import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { trpc } from "../../lib/trpc";

export type NotificationPage = inferOutput<typeof trpc.notifications.list>;
export type NotificationItem = NotificationPage["items"][number];

/**
 * Marks notifications read in the cached list and count at once, so the badge and the dots
 * change on click; the invalidation after the mutation brings the server's word.
 */
export function markReadInCache(queryClient: QueryClient, which: readonly string[] | "all") {
  const now = new Date().toISOString();
  const hit = (item: NotificationItem) =>
    !item.readAt && (which === "all" || which.includes(item.id));
  queryClient.setQueriesData<InfiniteData<NotificationPage>>(
    { queryKey: trpc.notifications.list.pathKey() },
    (data) => {
      if (!data?.pages) return data;
      const hits = data.pages.reduce((sum, page) => sum + page.items.filter(hit).length, 0);
      return {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          unread: which === "all" ? 0 : Math.max(0, page.unread - hits),
          items: page.items.map((item) => (hit(item) ? { ...item, readAt: now } : item)),
        })),
      };
    },
  );
  queryClient.setQueryData(trpc.notifications.unreadCount.queryKey(), (old) =>
    old ? { unread: which === "all" ? 0 : Math.max(0, old.unread - which.length) } : old,
  );
}
