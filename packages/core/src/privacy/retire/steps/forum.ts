import {
  forumFollows,
  forumModerationLog,
  forumMutes,
  forumReplies,
  forumReports,
  forumRevisions,
  forumThreads,
  forumVotes,
} from "@lumen/db";
import { and, eq, ne, sql } from "drizzle-orm";
import type { RetirementStep } from "./types";

/**
 * Posts stay readable as by a "deleted user" (their author is cleared, which the forum shows
 * as a deleted account); votes go and the scores they added are taken back, under the posts'
 * row locks as every vote is; follows and mutes of the user go; reports and moderation keep
 * their record without naming the user.
 */
export const forumStep: RetirementStep = {
  name: "forum",
  run: async ({ tx, userId }) => {
    const votedThreads = tx
      .select({ id: forumVotes.postId })
      .from(forumVotes)
      .where(and(eq(forumVotes.userId, userId), eq(forumVotes.postId, forumVotes.threadId)));
    const votedReplies = tx
      .select({ id: forumVotes.postId })
      .from(forumVotes)
      .where(and(eq(forumVotes.userId, userId), ne(forumVotes.postId, forumVotes.threadId)));
    await tx
      .update(forumThreads)
      .set({ score: sql`${forumThreads.score} - 1` })
      .where(sql`${forumThreads.id} in ${votedThreads}`);
    await tx
      .update(forumReplies)
      .set({ score: sql`${forumReplies.score} - 1` })
      .where(sql`${forumReplies.id} in ${votedReplies}`);
    await tx.delete(forumVotes).where(eq(forumVotes.userId, userId));
    await tx.delete(forumFollows).where(eq(forumFollows.userId, userId));
    await tx.delete(forumMutes).where(eq(forumMutes.userId, userId));

    await tx.update(forumThreads).set({ authorId: null }).where(eq(forumThreads.authorId, userId));
    await tx.update(forumReplies).set({ authorId: null }).where(eq(forumReplies.authorId, userId));
    await tx
      .update(forumReplies)
      .set({ endorsedBy: null })
      .where(eq(forumReplies.endorsedBy, userId));
    await tx
      .update(forumRevisions)
      .set({ editorId: null })
      .where(eq(forumRevisions.editorId, userId));
    await tx
      .update(forumReports)
      .set({ reporterId: null })
      .where(eq(forumReports.reporterId, userId));
    await tx
      .update(forumReports)
      .set({ resolverId: null })
      .where(eq(forumReports.resolverId, userId));
    await tx.update(forumMutes).set({ mutedBy: null }).where(eq(forumMutes.mutedBy, userId));
    await tx
      .update(forumModerationLog)
      .set({ actorId: null })
      .where(eq(forumModerationLog.actorId, userId));
    await tx
      .update(forumModerationLog)
      .set({ targetUserId: null })
      .where(eq(forumModerationLog.targetUserId, userId));
  },
};
