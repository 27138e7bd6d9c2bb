import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_CHANNEL, publishLive } from ".";

/** Subscribes to the live channel the way the driver allows; resolves with the first event. */
async function firstEvent(db: TestDatabase) {
  let heard: (payload: string) => void = () => {};
  const event = new Promise<unknown>((resolve) => {
    heard = (payload) => resolve(JSON.parse(payload));
  });
  const { connection } = db;
  if (connection.driver === "pglite") {
    const unlisten = await connection.pglite.listen(LIVE_CHANNEL, heard);
    return { event, stop: unlisten };
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  client.on("notification", (message) => heard(message.payload ?? ""));
  await client.query(`listen ${LIVE_CHANNEL}`);
  return { event, stop: () => client.end() };
}

describe("publishLive", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it("delivers an event when its transaction commits, and none for one that rolls back", async () => {
    const listener = await firstEvent(db);
    try {
      await db.db
        .transaction(async (tx) => {
          await publishLive(tx, "thread:t-rolled-back", { type: "reply", id: "r0" });
          throw new Error("roll back");
        })
        .catch(() => {});
      await db.db.transaction((tx) =>
        publishLive(tx, "user:u1", { type: "notification", id: "n1" }),
      );
      // Events arrive in commit order: a leaked rolled-back event would come first.
      expect(await listener.event).toEqual({ topic: "user:u1", type: "notification", id: "n1" });
    } finally {
      await listener.stop();
    }
  });
});
