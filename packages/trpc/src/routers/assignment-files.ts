import {
  attachmentDownload,
  attachmentIdInput,
  attachmentLessonInput,
  confirmAttachmentUpload,
  listMyAttachments,
  listSubmissionAttachments,
  removeAttachment,
  startAttachmentInput,
  startAttachmentUpload,
  submissionAttachmentsInput,
} from "@lumen/core/assignment-attachments";
import { protectedProcedure, router } from "../trpc";

/**
 * Files attached to assignment submissions. The learner starts an upload (the bytes go to the
 * edge, never through here), confirms it once the PUT is done, and may remove files until the
 * submission is locked; the author, staff and reviewers list a submission's files and get a
 * download link (the API's `/api/attachments/:id`).
 */
export const assignmentFilesRouter = router({
  start: protectedProcedure
    .input(startAttachmentInput)
    .mutation(({ ctx, input }) => startAttachmentUpload({ ...ctx, input })),
  confirm: protectedProcedure
    .input(attachmentIdInput)
    .mutation(({ ctx, input }) => confirmAttachmentUpload({ ...ctx, input })),
  remove: protectedProcedure
    .input(attachmentIdInput)
    .mutation(({ ctx, input }) => removeAttachment({ ...ctx, input })),
  mine: protectedProcedure
    .input(attachmentLessonInput)
    .query(({ ctx, input }) => listMyAttachments({ ...ctx, input })),
  forSubmission: protectedProcedure
    .input(submissionAttachmentsInput)
    .query(({ ctx, input }) => listSubmissionAttachments({ ...ctx, input })),
  download: protectedProcedure
    .input(attachmentIdInput)
    .query(({ ctx, input }) => attachmentDownload({ ...ctx, input })),
});
