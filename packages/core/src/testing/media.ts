import { InMemoryMediaStore, type MediaContext } from "@lumen/media";
import { createMediaSigner, parseKeyRing } from "@lumen/media-tokens";

/** The dev key ring (the API's default and the edge's MEDIA_KEYS in .dev.vars). */
export const TEST_MEDIA_KEYS = parseKeyRing("dev1:lumen-dev-only-media-key-not-for-production");
export const TEST_EDGE_URL = "http://edge.test";

/**
 * Video storage for tests: objects live in process memory (InMemoryMediaStore), not behind
 * the edge. Tests put a "source" object themselves to stand in for the edge finishing an
 * upload. Signing and limits are the API's defaults unless `overrides` says otherwise; the
 * store is always the in-memory one.
 */
export function createTestMedia(overrides: Omit<Partial<MediaContext>, "store"> = {}) {
  const store = new InMemoryMediaStore();
  const media: MediaContext = {
    signer: createMediaSigner(TEST_MEDIA_KEYS, "dev1"),
    edgeUrl: TEST_EDGE_URL,
    maxUploadBytes: 5 * 1024 ** 3,
    playbackTtlSeconds: 900,
    uploadTtlSeconds: 3600,
    ...overrides,
    store,
  };
  return { media, store };
}
