import { forumReplies, forumThreads, forumVotes } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { type Database, ForbiddenError, type SessionUser } from "../kernel";
import { publishLive } from "../live";
import type { VoteInput } from "./inputs";
import { openPost } from "./posts";

/**
 * Sets the user's vote on a post to `voted`. Runs under the thread's row lock, so any number
 * of concurrent calls by one user leave one vote or none, and the post's score always equals
 * its vote rows. Sending the state it already has changes nothing.
 */
export async function votePost({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: VoteInput;
}): Promise<{ voted: boolean; score: number }> {
  return db.transaction(async (tx) => {
    const post = await openPost(tx, user, input.post, { lock: true });
    if (post.deleted) throw new ForbiddenError("This post was deleted: it takes no votes.");
    const changed = input.voted
      ? await tx
          .insert(forumVotes)
          .values({ userId: user.id, postId: post.id, threadId: post.thread.id })
          .onConflictDoNothing()
          .returning({ postId: forumVotes.postId })
      : await tx
          .delete(forumVotes)
          .where(and(eq(forumVotes.userId, user.id), eq(forumVotes.postId, post.id)))
          .returning({ postId: forumVotes.postId });
    const delta = changed.length === 0 ? 0 : input.voted ? 1 : -1;
    const table = post.type === "thread" ? forumThreads : forumReplies;
    const [row] = await tx
      .update(table)
      .set({ score: sql`${table.score} + ${delta}` })
      .where(eq(table.id, post.id))
      .returning({ score: table.score });
    if (delta !== 0)
      await publishLive(tx, `thread:${post.thread.id}`, { type: "vote", id: post.id });
    return { voted: input.voted, score: row?.score ?? 0 };
  });
}
