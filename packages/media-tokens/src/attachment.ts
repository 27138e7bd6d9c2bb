/**
 * Files learners attach to assignment submissions (`attachments/<id>`, layout.ts). The limit
 * lives here because both sides enforce it: the API before it signs an upload token, the edge
 * again before it stores a byte.
 */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/**
 * Images forum members upload for their posts (`forum-images/<id>`): sent as assignment
 * attachments are (one PUT of exactly the signed size at the edge), with a lower limit.
 */
export const FORUM_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** The browser's single-PUT upload purposes, each with the largest file its token may carry. */
export const SINGLE_PUT_UPLOADS = {
  "attachment-upload": {
    file: "attachment",
    maxBytes: ATTACHMENT_MAX_BYTES,
    limit: "Attachments can be at most 20 MiB.",
  },
  "forum-image-upload": {
    file: "forum-image",
    maxBytes: FORUM_IMAGE_MAX_BYTES,
    limit: "Forum images can be at most 5 MiB.",
  },
} as const;
export type SinglePutUploadPurpose = keyof typeof SINGLE_PUT_UPLOADS;
