import {
  forumFollows,
  forumImages,
  forumModerationLog,
  forumMutes,
  forumReplies,
  forumReports,
  forumRevisions,
  forumThreads,
  forumVotes,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import type { RegistryEntry } from "../types";

const DELETED_USER =
  'the post stays readable as by a "deleted user" so the threads others replied in still make sense';

/** Course forums: what the user wrote, voted, followed, uploaded, reported, and moderation of them. */
export const forumEntries: RegistryEntry[] = [
  {
    table: forumThreads,
    export: {
      area: "forum",
      select: (db, userId) =>
        db
          .select({
            id: forumThreads.id,
            courseId: forumThreads.courseId,
            lessonId: forumThreads.lessonId,
            kind: forumThreads.kind,
            title: forumThreads.title,
            body: forumThreads.body,
            hidden: forumThreads.hidden,
            deletedAt: forumThreads.deletedAt,
            createdAt: forumThreads.createdAt,
            editedAt: forumThreads.editedAt,
          })
          .from(forumThreads)
          .where(eq(forumThreads.authorId, userId)),
    },
    erase: { anonymise: ["authorId"], reason: DELETED_USER },
  },
  {
    table: forumReplies,
    export: {
      area: "forum",
      select: (db, userId) =>
        db
          .select({
            id: forumReplies.id,
            threadId: forumReplies.threadId,
            parentId: forumReplies.parentId,
            body: forumReplies.body,
            hidden: forumReplies.hidden,
            deletedAt: forumReplies.deletedAt,
            createdAt: forumReplies.createdAt,
            editedAt: forumReplies.editedAt,
          })
          .from(forumReplies)
          .where(eq(forumReplies.authorId, userId)),
    },
    erase: { anonymise: ["authorId", "endorsedBy"], reason: DELETED_USER },
  },
  {
    table: forumRevisions,
    export: {
      area: "forum",
      select: (db, userId) =>
        db
          .select({
            id: forumRevisions.id,
            threadId: forumRevisions.threadId,
            replyId: forumRevisions.replyId,
            previousTitle: forumRevisions.previousTitle,
            previousBody: forumRevisions.previousBody,
            createdAt: forumRevisions.createdAt,
          })
          .from(forumRevisions)
          .where(eq(forumRevisions.editorId, userId)),
    },
    erase: { anonymise: ["editorId"], reason: DELETED_USER },
  },
  {
    table: forumVotes,
    export: {
      area: "forum",
      select: (db, userId) => db.select().from(forumVotes).where(eq(forumVotes.userId, userId)),
    },
    erase: { delete: "a vote names its voter; the scores it added are taken back" },
  },
  {
    table: forumFollows,
    export: {
      area: "forum",
      select: (db, userId) => db.select().from(forumFollows).where(eq(forumFollows.userId, userId)),
    },
    erase: { delete: "no one follows anything once the account is gone" },
  },
  {
    table: forumImages,
    export: {
      area: "forum",
      select: (db, userId) =>
        db.select().from(forumImages).where(eq(forumImages.uploaderId, userId)),
      files: (rows) =>
        rows
          .filter((row) => row.storedAt)
          .map((row) => ({
            file: { purpose: "forum-image", id: String(row.id) },
            path: `forum-images/${row.id}-${String(row.filename)}`,
          })),
    },
    erase: {
      keep: "images are embedded in posts that stay readable; the uploader is now the tombstone",
    },
  },
  {
    table: forumReports,
    export: {
      area: "forum",
      // Reports the user filed; who resolved them is the moderator's, not theirs.
      select: (db, userId) =>
        db
          .select({
            id: forumReports.id,
            courseId: forumReports.courseId,
            postId: forumReports.postId,
            reason: forumReports.reason,
            status: forumReports.status,
            createdAt: forumReports.createdAt,
            resolvedAt: forumReports.resolvedAt,
          })
          .from(forumReports)
          .where(eq(forumReports.reporterId, userId)),
    },
    erase: {
      anonymise: ["reporterId", "resolverId"],
      reason: "moderators keep the report, not who filed or resolved it",
    },
  },
  {
    table: forumMutes,
    export: {
      area: "forum",
      // Mutes of the user, without the moderator who muted them.
      select: (db, userId) =>
        db
          .select({
            courseId: forumMutes.courseId,
            reason: forumMutes.reason,
            until: forumMutes.until,
            createdAt: forumMutes.createdAt,
          })
          .from(forumMutes)
          .where(eq(forumMutes.userId, userId)),
    },
    erase: {
      delete:
        "a mute of an account that no longer exists; mutedBy is cleared on mutes the user made",
    },
  },
  {
    table: forumModerationLog,
    export: {
      area: "forum",
      // Actions taken on the user's posts, without the moderator's identity.
      select: (db, userId) =>
        db
          .select({
            id: forumModerationLog.id,
            courseId: forumModerationLog.courseId,
            action: forumModerationLog.action,
            threadId: forumModerationLog.threadId,
            replyId: forumModerationLog.replyId,
            reason: forumModerationLog.reason,
            createdAt: forumModerationLog.createdAt,
          })
          .from(forumModerationLog)
          .where(eq(forumModerationLog.targetUserId, userId)),
    },
    erase: {
      anonymise: ["targetUserId", "actorId"],
      reason: "the course's moderation history stays accountable without naming anyone gone",
    },
  },
];
