import type { SessionUser } from "@lumen/core/kernel";
import { createLiveHub, type LiveHub } from "@lumen/core/live";
import { createForumCourse, createForumThread, type ForumCast } from "@lumen/core/testing";
import { notifications } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let hub: LiveHub;
let cast: ForumCast;
let asker: SessionUser;
let answerer: SessionUser;
let threadId: string;

beforeAll(async () => {
  t = await createTestContext();
  hub = createLiveHub(t.database.connection);
  await hub.ready;
  cast = await createForumCourse(t.db, { learners: 2 });
  [asker, answerer] = cast.learners as [SessionUser, SessionUser];
  threadId = (await createForumThread(t.db, cast.course.id, asker, { kind: "question" })).id;
});
afterAll(async () => {
  await hub.close();
  await t.close();
});

type Tracked = { id: string; data: unknown };

/**
 * Opens a subscription; `take(n)` reads the next n events as the SSE wire shows them
 * ({id, data}; the server-side caller hands out tRPC's tracked envelopes [id, data, …]).
 */
const envelope = z.union([
  z.tuple([z.string(), z.unknown()]).rest(z.unknown()),
  z.object({ id: z.string(), data: z.unknown() }),
]);

async function open(iterable: Promise<AsyncIterable<unknown>>, controller: AbortController) {
  const iterator = (await iterable)[Symbol.asyncIterator]();
  return {
    async take(n: number) {
      const got: Tracked[] = [];
      while (got.length < n) {
        const next = await iterator.next();
        if (next.done) throw new Error(`stream ended after ${JSON.stringify(got)}`);
        const value = envelope.parse(next.value);
        got.push(Array.isArray(value) ? { id: value[0], data: value[1] } : value);
      }
      return got;
    },
    stop: () => controller.abort(),
  };
}

const threadStream = (user: SessionUser, lastEventId?: string) => {
  const controller = new AbortController();
  const caller = t.callerFor(user, { live: hub, signal: controller.signal });
  return open(caller.live.thread({ threadId, lastEventId }), controller);
};

const reply = (body: string) => t.callerFor(answerer).forum.reply({ threadId, body });

describe("live.thread", () => {
  it("pushes each new reply to the open thread, and the reply notification to its asker's bell", async () => {
    const controller = new AbortController();
    const bell = await open(
      t.callerFor(asker, { live: hub, signal: controller.signal }).live.notifications(),
      controller,
    );
    const thread = await threadStream(asker);
    expect((await thread.take(1))[0]?.data).toEqual({ type: "ready" });
    expect((await bell.take(1))[0]?.data).toEqual({ type: "ready" });

    const { replyId } = await reply("The answer is in chapter two.");
    const [pushed] = await thread.take(1);
    expect(pushed?.data).toEqual({ type: "reply", id: replyId });
    expect(pushed?.id).toBe(`${replyId}~2`);
    const [note] = await t.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, asker.id), eq(notifications.kind, "forum_reply")));
    expect((await bell.take(1))[0]?.data).toEqual({ type: "notification", id: note?.id });
    thread.stop();
    bell.stop();
  });

  it("replays the replies missed while disconnected, in order, from the last event id", async () => {
    const thread = await threadStream(answerer);
    const [ready] = await thread.take(1);
    thread.stop();
    const missed = [
      (await reply("A first follow-up while you were away.")).replyId,
      (await reply("And a second one, a little later.")).replyId,
    ];
    const resumed = await threadStream(answerer, ready?.id);
    const events = await resumed.take(3);
    expect(events.map((e) => e.data)).toEqual([
      { type: "ready" },
      ...missed.map((id) => ({ type: "reply", id })),
    ]);
    resumed.stop();

    // An id that names no reply of this thread: told to re-read instead.
    const lost = await threadStream(answerer, "nonsense");
    expect((await lost.take(2)).map((e) => e.data)).toEqual([
      { type: "ready" },
      { type: "resync" },
    ]);
    lost.stop();
  });

  it("is refused like reading the thread: non-members, hidden threads, no session", async () => {
    for (const user of [cast.outsider, cast.former, cast.otherInstructor]) {
      const caller = t.callerFor(user, { live: hub });
      expect(await codeOf(caller.live.thread({ threadId }))).toBe("FORBIDDEN");
    }
    const hidden = await createForumThread(t.db, cast.course.id, asker, { hidden: true });
    const caller = t.callerFor(answerer, { live: hub });
    expect(await codeOf(caller.live.thread({ threadId: hidden.id }))).toBe("NOT_FOUND");
    expect(await codeOf(t.callerFor(null, { live: hub }).live.thread({ threadId }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await codeOf(caller.live.thread({ threadId: "not-an-id" }))).toBe("BAD_REQUEST");
  });
});
