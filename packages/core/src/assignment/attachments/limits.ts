import { ATTACHMENT_MAX_BYTES } from "@lumen/media-tokens";

export { ATTACHMENT_MAX_BYTES };
/** Files one submission may carry. */
export const ATTACHMENT_MAX_FILES = 5;
/**
 * How long the browser's upload link works. Attachments are at most 20 MiB, sent in one
 * request; an upload not confirmed by then is abandoned and no longer holds a place.
 */
export const ATTACHMENT_UPLOAD_TTL_SECONDS = 15 * 60;
