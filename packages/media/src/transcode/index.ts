export {
  type EncodeOutcome,
  type EncodeRenditionsInput,
  encodeRenditions,
} from "./encode-renditions";
export { clearFailedAttempts, markAssetFailed, RETRIES_EXHAUSTED_REASON } from "./failure";
export {
  FIRST_RENDITION_PRIORITY,
  type ProbeOutcome,
  type ProbeVideoInput,
  probeVideo,
} from "./probe-video";
export { SOURCE_PATH } from "./source";
export { createSourceCache, type SourceCache } from "./source-cache";
