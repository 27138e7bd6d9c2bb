import { courses, forumReplies, forumThreads, users } from "@lumen/db";
import { and, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { type Queryable, type SessionUser, ValidationError } from "../kernel";
import { type ForumCourse, isForumStaff } from "./access";
import type { ForumAuthor, ReplyView, ThreadSummary } from "./types";

/** The author of a post (a left join: deleted accounts leave null). */
export const postAuthor = alias(users, "forum_author");

/** Columns of a thread row with its author; the query must join `courses` and `postAuthor`. */
export const threadColumns = {
  thread: forumThreads,
  authorName: postAuthor.name,
  authorStaff: isForumStaff(postAuthor.id, postAuthor.role),
};

/** Who endorsed a reply (a left join). */
export const replyEndorser = alias(users, "forum_endorser");

/**
 * Columns of a reply with its author, its endorser and the viewer's vote; the query joins
 * `courses`, `postAuthor` and `replyEndorser`.
 */
export function replyColumns(viewerId: string) {
  return {
    reply: forumReplies,
    endorserName: replyEndorser.name,
    authorName: postAuthor.name,
    authorStaff: isForumStaff(postAuthor.id, postAuthor.role),
    voted: sql<boolean>`exists (select 1 from forum_votes v
      where v.user_id = ${viewerId} and v.post_id = ${forumReplies.id})`,
  };
}

/** SQL: the posts of this table a viewer may list: visible ones, or their own, or all for staff. */
export function visibleTo(
  user: SessionUser,
  course: ForumCourse,
  table: typeof forumThreads | typeof forumReplies,
): SQL | undefined {
  if (course.isStaff) return undefined;
  return or(sql`not ${table.hidden}`, sql`${table.authorId} = ${user.id}`);
}

/** SQL: deleted threads stay listed (as placeholders) only while replies hang under them. */
export const listedThread = or(isNull(forumThreads.deletedAt), sql`${forumThreads.replyCount} > 0`);

/** A select of the course's listed threads the viewer may see, with `threadColumns`. */
export function visibleThreads(
  db: Queryable,
  user: SessionUser,
  course: ForumCourse,
  ...where: (SQL | undefined)[]
) {
  return db
    .select(threadColumns)
    .from(forumThreads)
    .innerJoin(courses, eq(courses.id, forumThreads.courseId))
    .leftJoin(postAuthor, eq(postAuthor.id, forumThreads.authorId))
    .where(
      and(
        eq(forumThreads.courseId, course.id),
        listedThread,
        visibleTo(user, course, forumThreads),
        ...where,
      ),
    );
}

/** A select of a thread's replies the viewer may see, with `replyColumns`. */
export function visibleReplies(
  db: Queryable,
  user: SessionUser,
  course: ForumCourse,
  threadId: string,
  ...where: (SQL | undefined)[]
) {
  return db
    .select(replyColumns(user.id))
    .from(forumReplies)
    .innerJoin(forumThreads, eq(forumThreads.id, forumReplies.threadId))
    .innerJoin(courses, eq(courses.id, forumThreads.courseId))
    .leftJoin(postAuthor, eq(postAuthor.id, forumReplies.authorId))
    .leftJoin(replyEndorser, eq(replyEndorser.id, forumReplies.endorsedBy))
    .where(
      and(eq(forumReplies.threadId, threadId), visibleTo(user, course, forumReplies), ...where),
    );
}

/** A person a view names (an actor, an endorser, an editor…): null once their account is gone. */
export function personOf(
  id: string | null,
  name: string | null,
): { id: string; name: string } | null {
  return id && name !== null ? { id, name } : null;
}

function authorOf(
  id: string | null,
  name: string | null,
  staff: boolean | null,
): ForumAuthor | null {
  return id && name !== null ? { id, name, isStaff: staff === true } : null;
}

type ThreadRow = typeof forumThreads.$inferSelect;

/** A thread row as the viewer may see it: hidden reasons for staff and author, deletions blanked. */
export function toThreadSummary(
  row: { thread: ThreadRow; authorName: string | null; authorStaff: boolean | null },
  user: SessionUser,
  course: ForumCourse,
): ThreadSummary {
  const t = row.thread;
  const deleted = t.deletedAt !== null;
  const mayKnowReason = course.isStaff || t.authorId === user.id;
  return {
    id: t.id,
    courseId: t.courseId,
    lessonId: t.lessonId,
    kind: t.kind,
    title: deleted ? null : t.title,
    author: deleted ? null : authorOf(t.authorId, row.authorName, row.authorStaff),
    pinned: t.pinned,
    locked: t.locked,
    hidden: t.hidden,
    hiddenReason: t.hidden && mayKnowReason ? (t.hiddenReason ?? "") : null,
    deleted,
    answered: t.kind === "question" ? t.acceptedReplyId !== null : t.replyCount > 0,
    replyCount: t.replyCount,
    score: t.score,
    createdAt: t.createdAt.toISOString(),
    lastActivityAt: t.lastActivityAt.toISOString(),
  };
}

type ReplyRow = typeof forumReplies.$inferSelect;

export function toReplyView(
  row: {
    reply: ReplyRow;
    authorName: string | null;
    authorStaff: boolean | null;
    endorserName: string | null;
    voted: boolean;
  },
  thread: { acceptedReplyId: string | null },
  user: SessionUser,
  course: ForumCourse,
): ReplyView {
  const r = row.reply;
  const deleted = r.deletedAt !== null;
  const mayKnowReason = course.isStaff || r.authorId === user.id;
  return {
    id: r.id,
    threadId: r.threadId,
    seq: r.seq,
    parentId: r.parentId,
    body: deleted ? null : r.body,
    author: deleted ? null : authorOf(r.authorId, row.authorName, row.authorStaff),
    hidden: r.hidden,
    hiddenReason: r.hidden && mayKnowReason ? (r.hiddenReason ?? "") : null,
    deleted,
    score: r.score,
    voted: row.voted,
    accepted: thread.acceptedReplyId === r.id,
    endorsed: r.endorsedAt !== null,
    endorsedBy: personOf(r.endorsedBy, row.endorserName),
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
    canEdit: !deleted && r.authorId === user.id,
  };
}

const cursorId = z.uuid();

/** A page cursor is the id of the last item seen (exact even when timestamps tie). */
export function parseCursor(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const parsed = cursorId.safeParse(cursor);
  if (!parsed.success) throw new ValidationError("That page cursor is not valid.");
  return parsed.data;
}

/**
 * A keyset page from `limit + 1` rows: the first `limit` as items, and the last item's id as
 * the next cursor when the extra row says there is more.
 */
export function keysetPage<R, T extends { id: string }>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit).map(toItem);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** An offset cursor (search results, ordered by rank): "o:<n>". */
export function parseOffsetCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,4})$/.exec(cursor);
  if (!match) throw new ValidationError("That page cursor is not valid.");
  return Number(match[1]);
}
