/**
 * Files learners attach to their assignment submission: uploaded straight to the edge (R2,
 * `attachments/<id>`), checked by their bytes when confirmed, removable until the submission
 * is picked for review, and downloadable through the API by whoever may read the submission.
 */
export { confirmAttachmentUpload } from "./confirm-upload";
export {
  ALLOWED_TYPES_MESSAGE,
  ATTACHMENT_TYPES,
  type AttachmentType,
  attachmentFilename,
  bytesMatchType,
} from "./file-types";
export {
  attachmentIdInput,
  attachmentLessonInput,
  type StartAttachmentInput,
  startAttachmentInput,
  submissionAttachmentsInput,
} from "./inputs";
export {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_FILES,
  ATTACHMENT_UPLOAD_TTL_SECONDS,
} from "./limits";
export {
  listMyAttachments,
  listSubmissionAttachments,
  type MyAttachments,
} from "./list-attachments";
export { assertCanReadAttachment, attachmentDownload, openAttachment } from "./open-attachment";
export { removeAttachment } from "./remove-attachment";
export { type AttachmentUploadTicket, startAttachmentUpload } from "./start-upload";
export type { AttachmentDeps, AttachmentView } from "./types";
