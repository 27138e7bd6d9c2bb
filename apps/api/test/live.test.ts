import { randomUUID } from "node:crypto";
import net from "node:net";
import { createLiveHub, type LiveSignal, publishLive } from "@lumen/core/live";
import { notifications, users } from "@lumen/db";
import { DEMO_USERS } from "@lumen/db/seed";
import { createCourse, createEnrollment, createLesson, createModule } from "@lumen/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiProcess,
  processDatabase,
  signInLearner,
  startApiProcess,
  WEB_ORIGIN,
} from "./api-process";
import { isData, openSubscription, type SseEvent } from "./sse";

let database: Awaited<ReturnType<typeof processDatabase>>;
let apiA: ApiProcess;
let apiB: ApiProcess;
let learnerId: string;
let enrollmentId: string;
let lessonIds: string[];

beforeAll(async () => {
  database = await processDatabase();
  [apiA, apiB] = await Promise.all([startApiProcess(database.url), startApiProcess(database.url)]);
  const db = database.db;
  const email = DEMO_USERS.find((u) => u.email.startsWith("learner@"))?.email ?? "";
  const [learner] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const [instructor] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "instructor"))
    .limit(1);
  if (!learner || !instructor) throw new Error("the seed has no learner or instructor");
  learnerId = learner.id;
  const course = await createCourse(db, instructor, { publishedAt: new Date() });
  const mod = await createModule(db, course.id);
  lessonIds = [
    (await createLesson(db, mod.id, { kind: "text", position: 0 })).id,
    (await createLesson(db, mod.id, { kind: "text", position: 1 })).id,
  ];
  enrollmentId = (await createEnrollment(db, learner, course.id)).id;
}, 180_000);
afterAll(async () => {
  await Promise.all([apiA?.kill(), apiB?.kill()]);
  await database?.close();
});

/** Completes a lesson through `api` (a milestone notification follows: 50 %, then 100 %). */
async function completeLesson(api: ApiProcess, cookie: string, lessonId: string) {
  const res = await fetch(`${api.url}/trpc/progress.record`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN, cookie },
    body: JSON.stringify({
      events: [
        {
          eventId: randomUUID(),
          enrollmentId,
          lessonId,
          watched: [[0, 5]],
          positionSeconds: 5,
          completed: true,
          occurredAt: Date.now(),
        },
      ],
    }),
  });
  expect(res.status).toBe(200);
}

async function milestoneId(percentText: string) {
  const rows = await database.db
    .select({ id: notifications.id, title: notifications.title })
    .from(notifications)
    .where(and(eq(notifications.userId, learnerId), eq(notifications.kind, "milestone")));
  const row = rows.find((r) => r.title.includes(percentText));
  if (!row) throw new Error(`no milestone "${percentText}" among ${JSON.stringify(rows)}`);
  return row.id;
}

const dataOf = (e: SseEvent) => e.data;
const isType = (type: string) => (e: SseEvent) =>
  isData(e) &&
  typeof e.data === "object" &&
  e.data !== null &&
  Reflect.get(e.data, "type") === type;

describe("live notifications across two API processes on one database", () => {
  it("pushes a notification produced through process A to the user's stream on process B, and catches up after a reconnect", async () => {
    const cookie = await signInLearner(apiB.url);
    const stream = await openSubscription(apiB.url, "live.notifications", { cookie });
    expect(stream.status).toBe(200);
    await stream.next(isType("ready"));

    await completeLesson(apiA, cookie, lessonIds[0] ?? "");
    // Half the course: the 25 % and 50 % milestones, each pushed once, with its id as event id.
    const written = [await milestoneId("25%"), await milestoneId("50%")];
    const pushed = [
      await stream.next(isType("notification")),
      await stream.next(isType("notification")),
    ];
    expect(new Set(pushed.map(dataOf))).toEqual(
      new Set(written.map((id) => ({ type: "notification", id }))),
    );
    expect(new Set(pushed.map((e) => e.id))).toEqual(new Set(written));
    const halfId = pushed[1]?.id ?? "";
    stream.close();

    // While disconnected, the course is finished (through B this time).
    await completeLesson(apiB, cookie, lessonIds[1] ?? "");
    const finishedId = await milestoneId("You finished");

    // The client reconnects to the other process with the last id it saw.
    const resumed = await openSubscription(apiA.url, "live.notifications", {
      cookie,
      input: { lastEventId: halfId },
    });
    await resumed.next(isType("ready"));
    // What was missed arrives (catch-up is at least once: it looks a little further back, so
    // the milestones just before the last one seen may come again, which the bell absorbs).
    const caughtUp = await resumed.next((e) => isType("notification")(e) && e.id === finishedId);
    expect(dataOf(caughtUp)).toEqual({ type: "notification", id: finishedId });
    const mine = new Set(
      (
        await database.db
          .select({ id: notifications.id })
          .from(notifications)
          .where(eq(notifications.userId, learnerId))
      ).map((n) => n.id),
    );
    for (const e of resumed.seen.filter(isType("notification"))) expect(mine).toContain(e.id);
    // An id that is not one of the user's notifications: told to re-read instead.
    const lost = await openSubscription(apiA.url, "live.notifications", {
      cookie,
      input: { lastEventId: "ready-1" },
    });
    await lost.next(isType("ready"));
    await lost.next(isType("resync"));
    resumed.close();
    lost.close();
  });

  it("refuses a subscription without a session, and has no way to name another user", async () => {
    const cookie = await signInLearner(apiA.url);
    const refusal = async (stream: Awaited<ReturnType<typeof openSubscription>>) => {
      const error = await stream.next((e) => e.event === "serialized-error");
      await stream.ended;
      return error.data;
    };
    const anonymous = await openSubscription(apiA.url, "live.notifications");
    expect(await refusal(anonymous)).toMatchObject({
      message: "Sign in to continue.",
      data: { code: "UNAUTHORIZED" },
    });
    // The topic is the session's user; an input naming anyone is refused, not ignored.
    const other = await openSubscription(apiA.url, "live.notifications", {
      cookie,
      input: { userId: randomUUID() },
    });
    expect(await refusal(other)).toMatchObject({ data: { code: "BAD_REQUEST" } });
    expect(other.seen.filter(isData)).toEqual([]);
    other.close();
  });
});

describe("SIGTERM with subscriptions open", () => {
  it("ends the open streams and exits cleanly instead of waiting for them", async () => {
    const cookie = await signInLearner(apiB.url);
    const stream = await openSubscription(apiB.url, "live.notifications", { cookie });
    await stream.next(isType("ready"));
    apiB.terminate();
    await stream.ended;
    expect(await apiB.exited).toBe(0);
  });
});

describe("a process's listener that loses its database connection", () => {
  it("reconnects, tells its subscribers to re-read, and hears later events", async () => {
    // A TCP hop between the listener and the database that the test can cut.
    const target = new URL(database.url);
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("error", () => s.destroy());
        s.on("close", () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const address = proxy.address();
    if (address === null || typeof address === "string") throw new Error("no proxy port");
    const viaProxy = new URL(database.url);
    viaProxy.port = String(address.port);
    const hub = createLiveHub(
      { driver: "postgres", url: viaProxy.toString() },
      { minBackoffMs: 20, maxBackoffMs: 100 },
    );
    await hub.ready;
    const signals = hub.stream("thread:cut")[Symbol.asyncIterator]();
    const next = async (): Promise<LiveSignal | undefined> => (await signals.next()).value;
    try {
      await database.db.transaction((tx) =>
        publishLive(tx, "thread:cut", { type: "reply", id: "1" }),
      );
      expect(await next()).toEqual({ kind: "event", event: { type: "reply", id: "1" } });
      for (const s of sockets) s.destroy();
      expect(await next()).toEqual({ kind: "resync" });
      await database.db.transaction((tx) =>
        publishLive(tx, "thread:cut", { type: "reply", id: "2" }),
      );
      expect(await next()).toEqual({ kind: "event", event: { type: "reply", id: "2" } });
    } finally {
      await signals.return?.();
      await hub.close();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
