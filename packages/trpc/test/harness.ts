import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type OutboxHandle, openOutbox } from "@lumen/jobs";
import type { SessionUser } from "../src/context";
import { createCaller } from "../src/root";

/** One test file's world: its own database, a real outbox, and callers per user. */
export async function createTestContext() {
  const database: TestDatabase = await createTestDatabase();
  const outbox: OutboxHandle = await openOutbox(database.connection);
  return {
    db: database.db,
    database,
    outbox,
    callerFor: (user: SessionUser | null) => createCaller({ db: database.db, user, outbox }),
    close: async () => {
      await outbox.close();
      await database.close();
    },
  };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
