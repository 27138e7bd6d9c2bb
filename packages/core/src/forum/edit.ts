import { forumReplies, forumRevisions, forumThreads, users } from "@lumen/db";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { type Database, ForbiddenError, type Queryable, type SessionUser } from "../kernel";
import { publishLive } from "../live";
import { assertStaff } from "./access";
import type { EditReplyInput, EditThreadInput, PostRef } from "./inputs";
import { resolveMentions } from "./mentions";
import { type OpenedPost, openPost } from "./posts";
import type { Revision } from "./types";
import { personOf } from "./views";

function assertAuthorOf(post: OpenedPost, user: SessionUser, what: string) {
  if (post.authorId !== user.id) throw new ForbiddenError(`Only its author can ${what} this post.`);
  if (post.deleted) throw new ForbiddenError(`This post was deleted: it can't be changed.`);
}

/** The author edits a thread's title and body; the previous version goes to the history. */
export async function editThread({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: EditThreadInput;
}): Promise<{ editedAt: string }> {
  return db.transaction(async (tx) => {
    const post = await openPost(tx, user, { type: "thread", id: input.threadId }, { lock: true });
    assertAuthorOf(post, user, "edit");
    const { body } = await resolveMentions(tx, post.course.id, input.body);
    const t = post.thread;
    if (t.title === input.title && t.body === body) {
      return { editedAt: (t.editedAt ?? t.createdAt).toISOString() };
    }
    await tx.insert(forumRevisions).values({
      threadId: t.id,
      previousTitle: t.title,
      previousBody: t.body,
      editorId: user.id,
    });
    const [row] = await tx
      .update(forumThreads)
      .set({ title: input.title, body, editedAt: sql`now()` })
      .where(eq(forumThreads.id, t.id))
      .returning({ editedAt: forumThreads.editedAt });
    await publishLive(tx, `thread:${t.id}`, { type: "edit", id: t.id });
    return { editedAt: (row?.editedAt ?? new Date()).toISOString() };
  });
}

/** The author edits a reply's body; the previous version goes to the history. */
export async function editReply({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: EditReplyInput;
}): Promise<{ editedAt: string }> {
  return db.transaction(async (tx) => {
    const post = await openPost(tx, user, { type: "reply", id: input.replyId }, { lock: true });
    assertAuthorOf(post, user, "edit");
    const reply = post.reply;
    if (!reply) throw new Error("a reply post without its reply");
    const { body } = await resolveMentions(tx, post.course.id, input.body);
    if (reply.body === body) return { editedAt: (reply.editedAt ?? reply.createdAt).toISOString() };
    await tx.insert(forumRevisions).values({
      threadId: reply.threadId,
      replyId: reply.id,
      previousBody: reply.body,
      editorId: user.id,
    });
    const [row] = await tx
      .update(forumReplies)
      .set({ body, editedAt: sql`now()` })
      .where(eq(forumReplies.id, reply.id))
      .returning({ editedAt: forumReplies.editedAt });
    await publishLive(tx, `thread:${reply.threadId}`, { type: "edit", id: reply.id });
    return { editedAt: (row?.editedAt ?? new Date()).toISOString() };
  });
}

/** The author deletes their post: a placeholder stays, replies under it stay. Idempotent. */
export async function deletePost({
  db,
  user,
  post: ref,
}: {
  db: Database;
  user: SessionUser;
  post: PostRef;
}): Promise<{ deleted: true }> {
  return db.transaction(async (tx) => {
    const post = await openPost(tx, user, ref, { lock: true });
    if (post.authorId !== user.id)
      throw new ForbiddenError("Only its author can delete this post.");
    if (post.deleted) return { deleted: true as const };
    if (post.type === "thread") {
      await tx
        .update(forumThreads)
        .set({ deletedAt: sql`now()` })
        .where(and(eq(forumThreads.id, post.id), isNull(forumThreads.deletedAt)));
    } else {
      await tx
        .update(forumReplies)
        .set({ deletedAt: sql`now()` })
        .where(and(eq(forumReplies.id, post.id), isNull(forumReplies.deletedAt)));
    }
    await publishLive(tx, `thread:${post.thread.id}`, { type: "delete", id: post.id });
    return { deleted: true as const };
  });
}

/** A post's earlier versions, newest first: staff only. */
export async function getHistory({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: { post: PostRef };
}): Promise<Revision[]> {
  const post = await openPost(db, user, input.post);
  assertStaff(post.course, "read the edit history");
  const rows = await db
    .select({
      id: forumRevisions.id,
      previousTitle: forumRevisions.previousTitle,
      previousBody: forumRevisions.previousBody,
      editorId: forumRevisions.editorId,
      editorName: users.name,
      createdAt: forumRevisions.createdAt,
    })
    .from(forumRevisions)
    .leftJoin(users, eq(users.id, forumRevisions.editorId))
    .where(
      and(
        eq(forumRevisions.threadId, post.thread.id),
        post.type === "reply"
          ? eq(forumRevisions.replyId, post.id)
          : isNull(forumRevisions.replyId),
      ),
    )
    .orderBy(desc(forumRevisions.createdAt), desc(forumRevisions.id));
  return rows.map((r) => ({
    id: r.id,
    previousTitle: r.previousTitle,
    previousBody: r.previousBody,
    editor: personOf(r.editorId, r.editorName),
    createdAt: r.createdAt.toISOString(),
  }));
}
