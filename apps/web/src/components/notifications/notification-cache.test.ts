import { type InfiniteData, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { trpc } from "../../lib/trpc";
import { markReadInCache, type NotificationPage } from "./notification-cache";

const item = (id: string, readAt: string | null = null) => ({
  id,
  kind: "milestone" as const,
  title: `Notification ${id}`,
  body: "",
  link: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  readAt,
});

function cachedClient() {
  const client = new QueryClient();
  const pages: InfiniteData<NotificationPage, string | null> = {
    pages: [
      {
        items: [item("a"), item("b"), item("c", "2025-12-31T00:00:00.000Z")],
        unread: 3,
        nextCursor: "x",
      },
      { items: [item("d")], unread: 3, nextCursor: null },
    ],
    pageParams: [null, "x"],
  };
  const listKey = trpc.notifications.list.infiniteQueryKey({ limit: 10 });
  client.setQueryData(listKey, pages);
  client.setQueryData(trpc.notifications.unreadCount.queryKey(), { unread: 3 });
  const list = () => client.getQueryData<InfiniteData<NotificationPage>>(listKey);
  const unread = () => client.getQueryData(trpc.notifications.unreadCount.queryKey())?.unread;
  return { client, list, unread };
}

describe("marking notifications read in the cache", () => {
  it("marks the opened one read and lowers the badge at once", () => {
    const { client, list, unread } = cachedClient();
    markReadInCache(client, ["b"]);
    const items = list()?.pages.flatMap((p) => p.items) ?? [];
    expect(items.filter((i) => !i.readAt).map((i) => i.id)).toEqual(["a", "d"]);
    expect(unread()).toBe(2);
    expect(list()?.pages[0]?.unread).toBe(2);
  });

  it("marks every one read for “Mark all read”, on every loaded page", () => {
    const { client, list, unread } = cachedClient();
    markReadInCache(client, "all");
    expect(
      list()
        ?.pages.flatMap((p) => p.items)
        .every((i) => i.readAt !== null),
    ).toBe(true);
    expect(unread()).toBe(0);
  });
});
