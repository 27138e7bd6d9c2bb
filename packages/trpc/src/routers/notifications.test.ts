import type { SessionUser } from "@lumen/core/kernel";
import { createUser } from "@lumen/core/testing";
import { notifications } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** `count` notifications for a user; the last `tied` share one timestamp (cursor edge case). */
async function notify(user: SessionUser, count: number, tied = 0) {
  const base = Date.UTC(2025, 0, 1);
  const rows = Array.from({ length: count }, (_, i) => ({
    userId: user.id,
    kind: "milestone" as const,
    title: `Note ${i}`,
    dedupeKey: `test:${i}`,
    createdAt: new Date(base + Math.min(i, count - tied) * 60_000),
  }));
  return t.db.insert(notifications).values(rows).returning({ id: notifications.id });
}

describe("notifications", () => {
  it("pages the caller's notifications newest first without skipping or repeating any", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    await notify(me, 7, 3);
    await notify(other, 2);
    const caller = t.callerFor(me);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: Awaited<ReturnType<typeof caller.notifications.list>> =
        await caller.notifications.list({ limit: 2, cursor });
      expect(page.unread).toBe(7);
      seen.push(...page.items.map((n) => n.title));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 3).sort()).toEqual(["Note 4", "Note 5", "Note 6"]);
    expect(seen.slice(3)).toEqual(["Note 3", "Note 2", "Note 1", "Note 0"]);
  });

  it("marks only the caller's own notifications read and ignores other ids", async () => {
    const me = await createUser(t.db);
    const other = await createUser(t.db);
    const mine = await notify(me, 3);
    const theirs = await notify(other, 1);
    const caller = t.callerFor(me);
    expect(await caller.notifications.unreadCount()).toEqual({ unread: 3 });
    const result = await caller.notifications.markRead({
      ids: [mine[0]?.id ?? "", theirs[0]?.id ?? ""],
    });
    expect(result).toEqual({ unread: 2 });
    expect(await t.callerFor(other).notifications.unreadCount()).toEqual({ unread: 1 });
    const [read] = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, mine[0]?.id ?? ""));
    expect(read?.readAt).toBeInstanceOf(Date);
    expect(await caller.notifications.markRead({ all: true })).toEqual({ unread: 0 });
    expect(await t.callerFor(other).notifications.unreadCount()).toEqual({ unread: 1 });
    const list = await caller.notifications.list({});
    expect(list.items.every((n) => n.readAt !== null)).toBe(true);
  });

  it("refuses a malformed cursor and anonymous callers", async () => {
    const me = await createUser(t.db);
    expect(await codeOf(t.callerFor(me).notifications.list({ cursor: "not-a-cursor" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(t.callerFor(null).notifications.unreadCount())).toBe("UNAUTHORIZED");
  });
});
