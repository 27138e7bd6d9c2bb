import { forumFollows, forumReplies, forumThreads } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { message, verbatim } from "../i18n";
import {
  ConflictError,
  type Database,
  ForbiddenError,
  type SessionUser,
  ValidationError,
} from "../kernel";
import { publishLive } from "../live";
import { createNotifications } from "../notifications";
import { assertStaff, openReply, openThread } from "./access";
import { excerpt, threadLink } from "./notify";

/**
 * Marks a reply as a question's accepted answer: the asker or staff, under the thread's row
 * lock, so of two concurrent accepts exactly one wins; while an answer is accepted another is
 * refused (unaccept first). Accepting the accepted one again changes nothing.
 */
export async function acceptAnswer({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { replyId: string };
}): Promise<{ acceptedReplyId: string }> {
  return db.transaction(async (tx) => {
    const { reply, thread, course } = await openReply(tx, user, input.replyId, { lock: true });
    if (thread.kind !== "question") {
      throw new ValidationError("Only questions have an accepted answer.");
    }
    if (thread.authorId !== user.id && !course.isStaff) {
      throw new ForbiddenError("Only the person who asked, or staff, can accept an answer.");
    }
    if (thread.acceptedReplyId === reply.id) return { acceptedReplyId: reply.id };
    if (thread.acceptedReplyId) {
      throw new ConflictError("Another answer is already accepted. Unaccept it first.");
    }
    if (reply.deletedAt || reply.hidden) {
      throw new ValidationError("A deleted or hidden reply can't be the accepted answer.");
    }
    await tx
      .update(forumThreads)
      .set({ acceptedReplyId: reply.id })
      .where(eq(forumThreads.id, thread.id));
    if (reply.authorId && reply.authorId !== user.id) {
      await createNotifications(tx, [
        {
          userId: reply.authorId,
          kind: "forum_answer_accepted",
          title: message("notification.forum.answer-accepted", { thread: thread.title }),
          body: verbatim(excerpt(reply.body)),
          link: threadLink(course.slug, thread.id, reply.id),
          dedupeKey: `forum-accepted:${reply.id}`,
        },
      ]);
    }
    await publishLive(tx, `thread:${thread.id}`, { type: "accept", id: reply.id });
    return { acceptedReplyId: reply.id };
  });
}

/** Clears a question's accepted answer (the asker or staff). */
export async function unacceptAnswer({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { threadId: string };
}): Promise<{ acceptedReplyId: null }> {
  return db.transaction(async (tx) => {
    const { thread, course } = await openThread(tx, user, input.threadId, { lock: true });
    if (thread.authorId !== user.id && !course.isStaff) {
      throw new ForbiddenError("Only the person who asked, or staff, can change the answer.");
    }
    if (thread.acceptedReplyId) {
      await tx
        .update(forumThreads)
        .set({ acceptedReplyId: null })
        .where(eq(forumThreads.id, thread.id));
      await publishLive(tx, `thread:${thread.id}`, { type: "accept", id: thread.id });
    }
    return { acceptedReplyId: null };
  });
}

/** Staff endorse a reply (a badge learners can trust), or take the endorsement back. */
export async function endorseReply({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { replyId: string; endorsed: boolean };
}): Promise<{ endorsed: boolean }> {
  return db.transaction(async (tx) => {
    const { reply, thread, course } = await openReply(tx, user, input.replyId, { lock: true });
    assertStaff(course, "endorse answers");
    if (input.endorsed === (reply.endorsedAt !== null)) return { endorsed: input.endorsed };
    await tx
      .update(forumReplies)
      .set(
        input.endorsed
          ? { endorsedBy: user.id, endorsedAt: sql`now()` }
          : { endorsedBy: null, endorsedAt: null },
      )
      .where(eq(forumReplies.id, reply.id));
    await publishLive(tx, `thread:${thread.id}`, { type: "endorse", id: reply.id });
    return { endorsed: input.endorsed };
  });
}

/** Follows or unfollows a thread; an unfollow sticks (replying later does not re-follow). */
export async function followThread({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { threadId: string; following: boolean };
}): Promise<{ following: boolean }> {
  const { thread } = await openThread(db, user, input.threadId);
  await db
    .insert(forumFollows)
    .values({ threadId: thread.id, userId: user.id, following: input.following })
    .onConflictDoUpdate({
      target: [forumFollows.threadId, forumFollows.userId],
      set: { following: input.following, updatedAt: sql`now()` },
    });
  return { following: input.following };
}
