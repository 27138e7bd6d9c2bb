/**
 * Files learners attach to assignment submissions (`attachments/<id>`, layout.ts). The limit
 * lives here because both sides enforce it: the API before it signs an upload token, the edge
 * again before it stores a byte.
 */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
