import { courses, forumReplies, forumThreads } from "@lumen/db";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable, SessionUser } from "../kernel";
import { openThread } from "./access";
import type { ListRepliesInput, RepliesSinceInput } from "./inputs";
import type { ReplyPage, ReplyView } from "./types";
import {
  parseCursor,
  postAuthor,
  replyColumns,
  replyEndorser,
  toReplyView,
  visibleTo,
} from "./views";

const cursorReply = alias(forumReplies, "cursor_reply");

/**
 * A page of a thread's replies in thread order (each top-level reply, then its children),
 * by keyset on (rootSeq, seq): one index range whatever the page, so a 1,000-reply thread's
 * last page costs what its first does. Hidden replies reach only staff and their author.
 */
export async function listReplies({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: ListRepliesInput;
}): Promise<ReplyPage> {
  const { thread, course } = await openThread(db, user, input.threadId);
  const cursor = parseCursor(input.cursor);
  const rows = await db
    .select(replyColumns(user.id))
    .from(forumReplies)
    .innerJoin(forumThreads, eq(forumThreads.id, forumReplies.threadId))
    .innerJoin(courses, eq(courses.id, forumThreads.courseId))
    .leftJoin(postAuthor, eq(postAuthor.id, forumReplies.authorId))
    .leftJoin(replyEndorser, eq(replyEndorser.id, forumReplies.endorsedBy))
    .where(
      and(
        eq(forumReplies.threadId, thread.id),
        visibleTo(user, course, forumReplies),
        cursor
          ? sql`(${forumReplies.rootSeq}, ${forumReplies.seq}) > (
              select ${cursorReply.rootSeq}, ${cursorReply.seq} from forum_replies cursor_reply
              where ${cursorReply.id} = ${cursor} and ${cursorReply.threadId} = ${thread.id})`
          : undefined,
      ),
    )
    .orderBy(asc(forumReplies.rootSeq), asc(forumReplies.seq))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map((row) => toReplyView(row, thread, user, course));
  return {
    items,
    nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null,
  };
}

/**
 * Replies posted after `afterSeq`, in posting order (not thread order): what a client with
 * the thread open missed while disconnected, or the reply a live event announced. `more` says
 * whether another call (after the last item's seq) has more.
 */
export async function listRepliesSince({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: RepliesSinceInput;
}): Promise<{ items: ReplyView[]; more: boolean }> {
  const { thread, course } = await openThread(db, user, input.threadId);
  const rows = await db
    .select(replyColumns(user.id))
    .from(forumReplies)
    .innerJoin(forumThreads, eq(forumThreads.id, forumReplies.threadId))
    .innerJoin(courses, eq(courses.id, forumThreads.courseId))
    .leftJoin(postAuthor, eq(postAuthor.id, forumReplies.authorId))
    .leftJoin(replyEndorser, eq(replyEndorser.id, forumReplies.endorsedBy))
    .where(
      and(
        eq(forumReplies.threadId, thread.id),
        gt(forumReplies.seq, input.afterSeq),
        visibleTo(user, course, forumReplies),
      ),
    )
    .orderBy(asc(forumReplies.seq))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map((row) => toReplyView(row, thread, user, course));
  return { items, more: rows.length > input.limit };
}
