import { z } from "zod";
import { id, singleLine } from "../../kernel";
import { ALLOWED_TYPES_MESSAGE, ATTACHMENT_TYPE_NAMES } from "./file-types";
import { ATTACHMENT_MAX_BYTES } from "./limits";

/** Input schemas of the attachment procedures; messages are shown beside the file. */
export const attachmentLessonInput = z.object({ lessonId: id("lessonId") });
export const attachmentIdInput = z.object({ attachmentId: id("attachmentId") });
export const submissionAttachmentsInput = z.object({ submissionId: id("submissionId") });

export const startAttachmentInput = attachmentLessonInput.extend({
  filename: singleLine({
    label: "File name",
    max: 255,
    tooLong: "File names can be at most 255 characters.",
  }).min(1, "The file needs a name."),
  /** The browser's word for the type; the bytes must agree when the upload is confirmed. */
  contentType: z.enum(ATTACHMENT_TYPE_NAMES, { error: ALLOWED_TYPES_MESSAGE }),
  byteSize: z
    .number()
    .int("The size must be whole bytes.")
    .min(1, "That file is empty.")
    .max(ATTACHMENT_MAX_BYTES, "Attachments can be at most 20 MiB."),
});

export type StartAttachmentInput = z.output<typeof startAttachmentInput>;
