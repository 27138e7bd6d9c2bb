import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type OutboxHandle, openOutbox } from "@lumen/jobs";
import { InMemoryMediaStore, type MediaContext } from "@lumen/media";
import { createMediaSigner, parseKeyRing } from "@lumen/media-tokens";
import { createPostgresSearch } from "@lumen/search";
import { createProgressIngest } from "../src/progress";

/** The dev key ring (the API's default and the edge's MEDIA_KEYS in .dev.vars). */
export const TEST_MEDIA_KEYS = parseKeyRing("dev1:lumen-dev-only-media-key-not-for-production");
export const TEST_EDGE_URL = "http://edge.test";

/**
 * Video storage for tests: objects live in process memory (InMemoryMediaStore), not behind
 * the edge. Tests put a "source" object themselves to stand in for the edge finishing an
 * upload. Limits are the API's defaults.
 */
export function createTestMedia(overrides: Partial<MediaContext> = {}) {
  const store = new InMemoryMediaStore();
  const media: MediaContext = {
    store,
    signer: createMediaSigner(TEST_MEDIA_KEYS, "dev1"),
    edgeUrl: TEST_EDGE_URL,
    maxUploadBytes: 5 * 1024 ** 3,
    playbackTtlSeconds: 900,
    uploadTtlSeconds: 3600,
    ...overrides,
  };
  return { media, store };
}

/**
 * One test file's world for calling the domain: its own database, a real outbox, search,
 * in-memory media and the progress write path. Its clock is real time plus however far the
 * test moved it on (`elapse`): coverage is bounded by playback time, and tests do not sleep
 * through it.
 */
export async function createTestWorld() {
  const database: TestDatabase = await createTestDatabase();
  const outbox: OutboxHandle = await openOutbox(database.connection);
  const search = createPostgresSearch({ db: database.db });
  const { media, store } = createTestMedia();
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
