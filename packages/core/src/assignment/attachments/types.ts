import type { assignmentAttachments, Database } from "@lumen/db";
import type { MediaContext, StoredFile } from "@lumen/media";
import type { SessionUser } from "../../kernel";
import type { AttachmentType } from "./file-types";

/** What the attachment verbs need: the database, media signing and storage, who acts. */
export interface AttachmentDeps {
  db: Database;
  media: MediaContext;
  user: SessionUser;
}

export type AttachmentRow = typeof assignmentAttachments.$inferSelect;

/** A stored attachment as learners, reviewers and staff see it; the bytes are behind `downloadUrl`. */
export interface AttachmentView {
  id: string;
  lessonId: string;
  filename: string;
  contentType: AttachmentType;
  byteSize: number;
  createdAt: string;
  /**
   * Same-origin API path that downloads it (`GET /api/attachments/:id`, apps/api): the
   * session cookie is the credential and access is checked on every request.
   */
  downloadUrl: string;
}

export const attachmentDownloadUrl = (attachmentId: string) => `/api/attachments/${attachmentId}`;

/** Every attachment is its own object, `attachments/<id>` (ADR 0014). */
export function attachmentFile(attachmentId: string): StoredFile {
  return { purpose: "attachment", id: attachmentId };
}

export function toAttachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    lessonId: row.lessonId,
    filename: row.filename,
    // Only the allowlist is ever written (the start input is an enum of it).
    contentType: row.contentType as AttachmentType,
    byteSize: row.byteSize,
    createdAt: row.createdAt.toISOString(),
    downloadUrl: attachmentDownloadUrl(row.id),
  };
}
