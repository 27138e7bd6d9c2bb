import type { Database } from "@lumen/db";
import type { SessionUser } from "../../kernel";
import { assertCanReadSubmission, openAssignmentAsLearner } from "../access";
import { ATTACHMENT_TYPE_NAMES, type AttachmentType } from "./file-types";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES } from "./limits";
import { allowsAttachments, findSubmissionOf, isLocked, storedAttachments } from "./rows";
import { type AttachmentView, toAttachmentView } from "./types";

/** The learner's side of one assignment's attachments: theirs, and what they may still add. */
export interface MyAttachments {
  attachments: AttachmentView[];
  /** The assignment takes attachments at all. */
  allowed: boolean;
  /** The submission is in review or graded: nothing can be added or removed. */
  locked: boolean;
  maxFiles: number;
  maxBytes: number;
  contentTypes: AttachmentType[];
}

/** The enrolled learner's stored attachments to an assignment lesson, oldest first. */
export async function listMyAttachments({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
}): Promise<MyAttachments> {
  const { lessonId, enrollmentId } = await openAssignmentAsLearner(db, user, input.lessonId);
  const [rows, allowed, submission] = await Promise.all([
    storedAttachments(db, lessonId, enrollmentId),
    allowsAttachments(db, lessonId),
    findSubmissionOf(db, lessonId, enrollmentId),
  ]);
  return {
    attachments: rows.map(toAttachmentView),
    allowed,
    locked: isLocked(submission),
    maxFiles: ATTACHMENT_MAX_FILES,
    maxBytes: ATTACHMENT_MAX_BYTES,
    contentTypes: [...ATTACHMENT_TYPE_NAMES],
  };
}

/**
 * A submission's stored attachments, for whoever may read the submission: its author, the
 * course's staff, a reviewer it is or was leased to. Anyone else is told it does not exist.
 */
export async function listSubmissionAttachments({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { submissionId: string };
}): Promise<AttachmentView[]> {
  const { submission } = await assertCanReadSubmission(db, user, input.submissionId);
  const rows = await storedAttachments(db, submission.lessonId, submission.enrollmentId);
  return rows.map(toAttachmentView);
}
