import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexCourseJob } from "./definitions";
import { type OutboxHandle, openOutbox } from "./outbox";

let database: TestDatabase;
let outbox: OutboxHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  outbox = await openOutbox(database.connection);
});
afterAll(async () => {
  await outbox.close();
  await database.close();
});

describe("outbox", () => {
  it("keeps a job sent while no runner exists, for a runner that starts later", async () => {
    const courseId = "00000000-0000-4000-8000-000000000001";
    await database.db.transaction((tx) => outbox.enqueue(tx, indexCourseJob, { courseId }));
    const waiting = await database.db.execute(
      sql`select state from pgboss.job where name = ${indexCourseJob.name} and data->>'courseId' = ${courseId}`,
    );
    expect(waiting.rows).toEqual([{ state: "created" }]);
  });
});
