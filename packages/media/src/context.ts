import type { MediaSigner } from "@lumen/media-tokens";
import type { MediaStore } from "./store/types";

/** What the API's video procedures need, built once per process from the env. */
export interface MediaContext {
  store: MediaStore;
  signer: MediaSigner;
  /** Public base URL of the edge Worker: uploads and playback URLs point here. */
  edgeUrl: string;
  /** Largest upload accepted, in bytes (VIDEO_MAX_BYTES, default 5 GiB). */
  maxUploadBytes: number;
  playbackTtlSeconds: number;
  uploadTtlSeconds: number;
}
