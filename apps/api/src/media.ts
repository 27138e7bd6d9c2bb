import { EdgeMediaStore, type MediaContext } from "@lumen/media";
import { createMediaSigner, parseKeyRing } from "@lumen/media-tokens";
import type { ApiEnv } from "./env";

const UPLOAD_TOKEN_TTL_SECONDS = 60 * 60;

/** Media signing and storage for the API and the job runner, from the validated env. */
export function createMediaContext(env: ApiEnv): MediaContext {
  const signer = createMediaSigner(parseKeyRing(env.MEDIA_SIGNING_KEYS), env.MEDIA_SIGNING_KEY_ID);
  return {
    signer,
    // Node reaches R2 through the edge's internal routes (ADR 0006); server-to-server URL.
    store: new EdgeMediaStore({ edgeUrl: env.EDGE_URL, signer }),
    edgeUrl: env.EDGE_PUBLIC_URL,
    maxUploadBytes: env.VIDEO_MAX_BYTES,
    playbackTtlSeconds: env.PLAYBACK_TOKEN_TTL_SECONDS,
    uploadTtlSeconds: UPLOAD_TOKEN_TTL_SECONDS,
  };
}
