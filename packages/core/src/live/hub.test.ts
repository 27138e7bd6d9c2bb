import { createTestDatabase, createUser, type TestDatabase } from "@lumen/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotifications, type NewNotification, verbatim } from "../notifications";
import { createLiveHub, type LiveHub, type LiveSignal, publishLive } from ".";

let db: TestDatabase;
let hub: LiveHub;
beforeAll(async () => {
  db = await createTestDatabase();
  hub = createLiveHub(db.connection);
  await hub.ready;
});
afterAll(async () => {
  await hub.close();
  await db.close();
});

/** Reads signals from an open iterator until `count` have arrived. */
async function take(iterator: AsyncIterator<LiveSignal>, count: number) {
  const got: LiveSignal[] = [];
  while (got.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    got.push(next.value);
  }
  return got;
}

const note = (userId: string, key: string): NewNotification => ({
  userId,
  kind: "grade",
  title: verbatim(`Graded ${key}`),
  link: null,
  dedupeKey: key,
});

describe("live hub", () => {
  it("hands each user only their own newly inserted notifications, deduped ones not again", async () => {
    const [a, b] = [await createUser(db.db), await createUser(db.db)];
    const forA = hub.stream(`user:${a.id}`)[Symbol.asyncIterator]();
    const forB = hub.stream(`user:${b.id}`)[Symbol.asyncIterator]();
    await db.db.transaction((tx) =>
      createNotifications(tx, [note(a.id, "k1"), note(b.id, "k1"), note(a.id, "k2")]),
    );
    // The same facts again: nothing inserted, nothing announced; then one new one for A.
    await db.db.transaction((tx) => createNotifications(tx, [note(a.id, "k1"), note(b.id, "k1")]));
    await db.db.transaction((tx) => createNotifications(tx, [note(a.id, "k3")]));
    await db.db.transaction((tx) => createNotifications(tx, [note(b.id, "k2")]));

    const ids = async (userId: string) =>
      (await db.db.query.notifications.findMany({ where: (n, { eq }) => eq(n.userId, userId) }))
        .sort((x, y) => x.dedupeKey.localeCompare(y.dedupeKey))
        .map((n) => n.id);
    const [aIds, bIds] = [await ids(a.id), await ids(b.id)];
    const heardA = (await take(forA, 3)).map((s) => (s.kind === "event" ? s.event : s));
    const heardB = (await take(forB, 2)).map((s) => (s.kind === "event" ? s.event : s));
    expect(new Set(heardA.slice(0, 2))).toEqual(
      new Set([
        { type: "notification", id: aIds[0] },
        { type: "notification", id: aIds[1] },
      ]),
    );
    // k3 comes third: the repeated k1 announced nothing in between.
    expect(heardA[2]).toEqual({ type: "notification", id: aIds[2] });
    expect(heardB).toEqual([
      { type: "notification", id: bIds[0] },
      { type: "notification", id: bIds[1] },
    ]);
    await forA.return?.();
    await forB.return?.();
  });

  it("ends a stream when its request aborts, and forgets the subscriber", async () => {
    const before = hub.size();
    const controller = new AbortController();
    const iterator = hub.stream("thread:t1", controller.signal)[Symbol.asyncIterator]();
    expect(hub.size()).toBe(before + 1);
    const pending = iterator.next();
    controller.abort();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(hub.size()).toBe(before);
  });

  it("ignores foreign payloads on the channel and keeps delivering", async () => {
    const iterator = hub.stream("thread:t2")[Symbol.asyncIterator]();
    await db.db.execute("select pg_notify('lumen_live', 'not json')");
    await db.db.execute(`select pg_notify('lumen_live', '{"topic":"thread:t2"}')`);
    await db.db.transaction((tx) => publishLive(tx, "thread:t2", { type: "reply", id: "r1" }));
    expect(await take(iterator, 1)).toEqual([
      { kind: "event", event: { type: "reply", id: "r1" } },
    ]);
    await iterator.return?.();
  });

  it("ends every open stream on close", async () => {
    const own = createLiveHub(db.connection);
    await own.ready;
    const iterator = own.stream("thread:t3")[Symbol.asyncIterator]();
    const pending = iterator.next();
    await own.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(own.size()).toBe(0);
  });
});
