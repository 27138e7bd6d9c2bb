/**
 * The shared kernel every feature builds on: who acts, the database handles, id and text
 * schemas, the lock order and the one error family. It imports no feature.
 */
export type { SessionUser } from "./actor";
export {
  ANALYTICS_RUN_LOCK,
  ANALYTICS_WRITE_LOCK,
  holdAnalyticsWriteLock,
} from "./analytics-lock";
export type { Database, Queryable, Transaction } from "./database";
export {
  TOO_LONG_TEXT_MESSAGE,
  UNSTORABLE_TEXT_MESSAGE,
  unstorableTextError,
} from "./database-errors";
export * from "./errors";
export {
  FILE_SIGNATURES,
  SIGNATURE_TYPES,
  type SignatureType,
  SNIFF_BYTES,
} from "./file-signatures";
export { cleanFilename, cutToCodePoints } from "./filename";
export { id } from "./ids";
export { compareKeys } from "./lock-order";
export { multiLine, singleLine, text } from "./text";
