import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type OutboxHandle, openOutbox } from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import { createPostgresSearch } from "@lumen/search";
import { createProgressIngest } from "../progress";
import { createTestMedia } from "./media";

/**
 * One test file's world for calling the domain: its own database, a real outbox, search,
 * in-memory media and the progress write path. Its clock is real time plus however far the
 * test moved it on (`elapse`): coverage is bounded by playback time, and tests do not sleep
 * through it. `media` overrides signing and limits (the API passes its env's); the store is
 * always in memory. `close` stops them in one order: ingest, outbox, database.
 */
export async function createTestWorld({
  media: mediaOverrides,
  database: given,
}: {
  media?: Omit<Partial<MediaContext>, "store">;
  /**
   * The database to build on (it becomes the world's, closed with it), e.g. one that child
   * processes reach by URL; default: a fresh test database of this file's own.
   */
  database?: TestDatabase;
} = {}) {
  const database: TestDatabase = given ?? (await createTestDatabase());
  const outbox: OutboxHandle = await openOutbox(database.connection);
  const search = createPostgresSearch({ db: database.db });
  const { media, store } = createTestMedia(mediaOverrides);
  let aheadMs = 0;
  const now = () => Date.now() + aheadMs;
  const progress = createProgressIngest({ db: database.db, outbox, now });
  return {
    db: database.db,
    database,
    outbox,
    search,
    media,
    progress,
    /** The progress write path's clock (epoch ms). */
    now,
    /** `seconds` of wall-clock time pass for the progress write path. */
    elapse: (seconds: number) => {
      aheadMs += seconds * 1000;
    },
    /** Back to real time (each test's learners and lessons are its own). */
    resetClock: () => {
      aheadMs = 0;
    },
    /** The in-memory bucket behind `media` (what the edge would hold in R2). */
    mediaStore: store,
    close: async () => {
      await progress.close();
      await outbox.close();
      await database.close();
    },
  };
}

export type TestWorld = Awaited<ReturnType<typeof createTestWorld>>;
