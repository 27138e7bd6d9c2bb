import { forumReplies } from "@lumen/db";
import { asc, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable, SessionUser } from "../kernel";
import { openThread } from "./access";
import type { ListRepliesInput, RepliesSinceInput } from "./inputs";
import type { ReplyPage, ReplyView } from "./types";
import { keysetPage, parseCursor, toReplyView, visibleReplies } from "./views";

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
  const rows = await visibleReplies(
    db,
    user,
    course,
    thread.id,
    cursor
      ? sql`(${forumReplies.rootSeq}, ${forumReplies.seq}) > (
          select ${cursorReply.rootSeq}, ${cursorReply.seq} from forum_replies cursor_reply
          where ${cursorReply.id} = ${cursor} and ${cursorReply.threadId} = ${thread.id})`
      : undefined,
  )
    .orderBy(asc(forumReplies.rootSeq), asc(forumReplies.seq))
    .limit(input.limit + 1);
  return keysetPage(rows, input.limit, (row) => toReplyView(row, thread, user, course));
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
  const rows = await visibleReplies(
    db,
    user,
    course,
    thread.id,
    gt(forumReplies.seq, input.afterSeq),
  )
    .orderBy(asc(forumReplies.seq))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map((row) => toReplyView(row, thread, user, course));
  return { items, more: rows.length > input.limit };
}
