import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type OutboxHandle, openOutbox } from "@lumen/jobs";
import { createPostgresSearch } from "@lumen/search";
import type { SessionUser } from "../src/context";
import { createCaller } from "../src/root";

/** One test file's world: its own database, a real outbox, and callers per user. */
export async function createTestContext() {
  const database: TestDatabase = await createTestDatabase();
  const outbox: OutboxHandle = await openOutbox(database.connection);
  const search = createPostgresSearch({ db: database.db });
  return {
    db: database.db,
    database,
    outbox,
    search,
    callerFor: (user: SessionUser | null) =>
      createCaller({ db: database.db, user, outbox, search }),
    close: async () => {
      await outbox.close();
      await database.close();
    },
  };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
