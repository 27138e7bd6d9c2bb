import { courses, forumFollows, forumThreads, forumVotes, lessons } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable, SessionUser } from "../kernel";
import { findMute, openThread } from "./access";
import type { ThreadDetail } from "./types";
import { postAuthor, threadColumns, toThreadSummary } from "./views";

/** Why the viewer cannot reply to a thread, or null when they can. */
export function replyBlockedReason(
  thread: { locked: boolean; hidden: boolean; deletedAt: Date | null },
  isStaff: boolean,
  mute: { reason: string; until: Date | null } | null,
): string | null {
  if (thread.deletedAt) return "This thread was deleted: it takes no new replies.";
  if (thread.locked && !isStaff) return "This thread is locked: it takes no new replies.";
  if (thread.hidden && !isStaff) return "A moderator hid this thread: it takes no new replies.";
  if (mute && !isStaff) {
    const until = mute.until ? ` until ${mute.until.toISOString()}` : "";
    return `A moderator muted you in this course's forum${until}: ${mute.reason}`;
  }
  return null;
}

/** A thread with its body and what the viewer may do there (replies come from listReplies). */
export async function getThread({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: { threadId: string };
}): Promise<ThreadDetail> {
  const { course } = await openThread(db, user, input.threadId);
  const [row] = await db
    .select({
      ...threadColumns,
      lessonTitle: lessons.title,
      voted: sql<boolean>`exists (select 1 from ${forumVotes}
        where ${forumVotes.userId} = ${user.id} and ${forumVotes.postId} = ${forumThreads.id})`,
      following: sql<boolean>`coalesce((select ${forumFollows.following} from ${forumFollows}
        where ${forumFollows.threadId} = ${forumThreads.id} and ${forumFollows.userId} = ${user.id}), false)`,
    })
    .from(forumThreads)
    .innerJoin(courses, eq(courses.id, forumThreads.courseId))
    .leftJoin(postAuthor, eq(postAuthor.id, forumThreads.authorId))
    .leftJoin(lessons, eq(lessons.id, forumThreads.lessonId))
    .where(and(eq(forumThreads.id, input.threadId)));
  if (!row) throw new Error("thread vanished between two reads");
  const t = row.thread;
  const mute = course.isStaff ? null : await findMute(db, user.id, course.id);
  const blocked = replyBlockedReason(t, course.isStaff, mute);
  const deleted = t.deletedAt !== null;
  const isAuthor = t.authorId === user.id;
  return {
    ...toThreadSummary(row, user, course),
    body: deleted ? null : t.body,
    acceptedReplyId: t.acceptedReplyId,
    editedAt: t.editedAt?.toISOString() ?? null,
    lesson:
      t.lessonId && row.lessonTitle !== null ? { id: t.lessonId, title: row.lessonTitle } : null,
    course: { id: course.id, slug: course.slug, title: course.title },
    viewer: {
      voted: row.voted,
      following: row.following,
      isStaff: course.isStaff,
      isAuthor,
      canReply: blocked === null,
      replyBlockedReason: blocked,
      canEdit: isAuthor && !deleted,
      canAccept: t.kind === "question" && !deleted && (isAuthor || course.isStaff),
    },
  };
}
