import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { forumFollows, forumReplies, forumThreads } from "../schema";

export type ForumThreadInsert = typeof forumThreads.$inferInsert;

let threadSeq = 0;

/** A forum thread row (a discussion by `author` unless overridden); the author follows it. */
export async function createForumThread(
  db: Database,
  courseId: string,
  author: { id: string },
  overrides: Partial<ForumThreadInsert> = {},
) {
  threadSeq += 1;
  const [thread] = await db
    .insert(forumThreads)
    .values({
      courseId,
      authorId: author.id,
      kind: "discussion",
      title: `Thread ${threadSeq}`,
      body: `Body of thread ${threadSeq}.`,
      ...overrides,
    })
    .returning();
  if (!thread) throw new Error("thread insert returned nothing");
  await db
    .insert(forumFollows)
    .values({ threadId: thread.id, userId: author.id, following: true })
    .onConflictDoNothing();
  return thread;
}

/** Many thread rows of one course in one statement per 1,000 (benchmarks, pagination). */
export async function createForumThreads(
  db: Database,
  courseId: string,
  rows: ReadonlyArray<Partial<ForumThreadInsert> & { authorId: string }>,
) {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((row, j) => ({
      courseId,
      kind: "discussion" as const,
      title: `Thread ${i + j + 1}`,
      body: `Body of thread ${i + j + 1}.`,
      ...row,
    }));
    const inserted = await db.insert(forumThreads).values(chunk).returning({ id: forumThreads.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/**
 * Top-level replies to a thread, numbered as the service numbers them, and the thread's
 * reply count and activity brought up to date. Returns the reply ids in order.
 */
export async function createForumReplies(
  db: Database,
  thread: { id: string; replyCount?: number },
  rows: ReadonlyArray<{ authorId: string; body?: string }>,
) {
  const start = thread.replyCount ?? 0;
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((row, j) => {
      const seq = start + i + j + 1;
      return {
        threadId: thread.id,
        authorId: row.authorId,
        body: row.body ?? `Reply ${seq}.`,
        seq,
        rootSeq: seq,
      };
    });
    const inserted = await db.insert(forumReplies).values(chunk).returning({ id: forumReplies.id });
    ids.push(...inserted.map((r) => r.id));
  }
  await db
    .update(forumThreads)
    .set({ replyCount: start + rows.length, lastActivityAt: sql`now()` })
    .where(eq(forumThreads.id, thread.id));
  return ids;
}

/** Users following a thread (explicitly, as the follow button leaves them). */
export async function followForumThread(
  db: Database,
  threadId: string,
  userIds: readonly string[],
  following = true,
) {
  for (let i = 0; i < userIds.length; i += 1000) {
    await db
      .insert(forumFollows)
      .values(userIds.slice(i, i + 1000).map((userId) => ({ threadId, userId, following })))
      .onConflictDoUpdate({
        target: [forumFollows.threadId, forumFollows.userId],
        set: { following },
      });
  }
}
