import { forumFollows, forumReplies, forumThreads } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import {
  type Database,
  ForbiddenError,
  NotFoundError,
  type SessionUser,
  type Transaction,
  ValidationError,
} from "../kernel";
import { publishLive } from "../live";
import { assertNotMuted, openThread } from "./access";
import { replyBlockedReason } from "./get-thread";
import type { PostReplyInput } from "./inputs";
import { assertWithinPostingLimits } from "./limits";
import { resolveMentions } from "./mentions";
import { notifyReply } from "./notify";

/** Follows a thread unless the user unfollowed it before (that choice sticks). */
export async function autoFollow(tx: Transaction, threadId: string, userId: string) {
  await tx
    .insert(forumFollows)
    .values({ threadId, userId, following: true })
    .onConflictDoNothing({ target: [forumFollows.threadId, forumFollows.userId] });
}

/**
 * Posts a reply, under the thread's row lock: checks (locked, muted, abuse limits), numbers
 * it in thread order, follows the thread for its author, notifies who it concerns and
 * announces it to the thread's live subscribers — all in one transaction.
 */
export async function postReply({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: PostReplyInput;
}): Promise<{ replyId: string }> {
  return db.transaction(async (tx) => {
    const { thread, course } = await openThread(tx, user, input.threadId, { lock: true });
    await assertNotMuted(tx, user, course);
    const blocked = replyBlockedReason(thread, course.isStaff, null);
    if (blocked) throw new ForbiddenError(blocked);
    let parent: { id: string; rootSeq: number } | null = null;
    if (input.parentId) {
      const [found] = await tx
        .select({
          id: forumReplies.id,
          parentId: forumReplies.parentId,
          rootSeq: forumReplies.rootSeq,
          hidden: forumReplies.hidden,
          authorId: forumReplies.authorId,
        })
        .from(forumReplies)
        .where(and(eq(forumReplies.id, input.parentId), eq(forumReplies.threadId, thread.id)));
      if (!found || (found.hidden && !course.isStaff && found.authorId !== user.id)) {
        const message = "The reply you are answering is not in this thread.";
        throw new ValidationError(message, { parentId: [message] });
      }
      // One level of nesting: answering a nested reply puts the answer under its parent.
      parent = { id: found.parentId ?? found.id, rootSeq: found.rootSeq };
    }
    await assertWithinPostingLimits(tx, user, course.id, input.body);
    const { body, mentioned } = await resolveMentions(tx, course.id, input.body);
    const seq = thread.replyCount + 1;
    const [reply] = await tx
      .insert(forumReplies)
      .values({
        threadId: thread.id,
        parentId: parent?.id ?? null,
        seq,
        rootSeq: parent?.rootSeq ?? seq,
        authorId: user.id,
        body,
      })
      .returning({ id: forumReplies.id });
    if (!reply) throw new NotFoundError("The reply could not be saved.");
    await tx
      .update(forumThreads)
      .set({ replyCount: seq, lastActivityAt: sql`now()` })
      .where(eq(forumThreads.id, thread.id));
    await autoFollow(tx, thread.id, user.id);
    await notifyReply(tx, {
      threadId: thread.id,
      threadTitle: thread.title,
      courseSlug: course.slug,
      replyId: reply.id,
      body,
      actor: user,
      mentioned: mentioned.map((m) => m.id),
    });
    await publishLive(tx, `thread:${thread.id}`, { type: "reply", id: reply.id });
    return { replyId: reply.id };
  });
}
