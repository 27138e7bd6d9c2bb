import { forumModerationLog, forumReplies, forumReports, forumThreads } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { message, verbatim } from "../i18n";
import { type Database, type SessionUser, type Transaction, ValidationError } from "../kernel";
import { publishLive } from "../live";
import { createNotifications } from "../notifications";
import { assertStaff, openThread } from "./access";
import type { PostRef } from "./inputs";
import { threadLink } from "./notify";
import { openPost } from "./posts";
import type { ModerationAction } from "./types";

/** Appends one entry to the course's moderation log; returns its id. */
export async function logModeration(
  tx: Transaction,
  entry: {
    courseId: string;
    actorId: string;
    action: ModerationAction;
    threadId?: string | null;
    replyId?: string | null;
    targetUserId?: string | null;
    reason: string;
  },
): Promise<string> {
  const [row] = await tx
    .insert(forumModerationLog)
    .values(entry)
    .returning({ id: forumModerationLog.id });
  if (!row) throw new Error("moderation log insert returned nothing");
  return row.id;
}

/** Hides a post from learners (or shows it again), resolving its open reports when hiding. */
export async function setHidden({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { post: PostRef; hidden: boolean; reason: string };
}): Promise<{ hidden: boolean }> {
  return db.transaction(async (tx) => {
    const post = await openPost(tx, user, input.post, { lock: true });
    assertStaff(post.course);
    if (input.hidden && !input.reason) {
      const message = "Say why this post is hidden: its author will see the reason.";
      throw new ValidationError(message, { reason: [message] });
    }
    if (post.hidden === input.hidden) return { hidden: input.hidden };
    const table = post.type === "thread" ? forumThreads : forumReplies;
    await tx
      .update(table)
      .set({ hidden: input.hidden, hiddenReason: input.hidden ? input.reason : null })
      .where(eq(table.id, post.id));
    if (input.hidden) {
      await tx
        .update(forumReports)
        .set({ status: "resolved", resolverId: user.id, resolvedAt: sql`now()` })
        .where(and(eq(forumReports.postId, post.id), eq(forumReports.status, "open")));
    }
    const logId = await logModeration(tx, {
      courseId: post.course.id,
      actorId: user.id,
      action: input.hidden ? "hide" : "unhide",
      threadId: post.thread.id,
      replyId: post.type === "reply" ? post.id : null,
      targetUserId: post.authorId,
      reason: input.reason,
    });
    if (post.authorId && post.authorId !== user.id) {
      await createNotifications(tx, [
        {
          userId: post.authorId,
          kind: "forum_moderation",
          title: message(
            `notification.forum.${post.type}-${input.hidden ? "hidden" : "restored"}`,
            { thread: post.thread.title },
          ),
          body: verbatim(input.reason),
          link: threadLink(
            post.course.slug,
            post.thread.id,
            post.type === "reply" ? post.id : undefined,
          ),
          dedupeKey: `forum-moderation:${logId}`,
        },
      ]);
    }
    await publishLive(tx, `thread:${post.thread.id}`, { type: "moderation", id: post.id });
    return { hidden: input.hidden };
  });
}

/** Locks (no new replies) / unlocks, or pins / unpins, a thread; logged. */
export async function setThreadFlag({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { threadId: string; flag: "locked" | "pinned"; value: boolean; reason: string };
}): Promise<{ value: boolean }> {
  return db.transaction(async (tx) => {
    const { thread, course } = await openThread(tx, user, input.threadId, { lock: true });
    assertStaff(course);
    if (thread[input.flag] === input.value) return { value: input.value };
    await tx
      .update(forumThreads)
      .set(input.flag === "locked" ? { locked: input.value } : { pinned: input.value })
      .where(eq(forumThreads.id, thread.id));
    const action: ModerationAction =
      input.flag === "locked" ? (input.value ? "lock" : "unlock") : input.value ? "pin" : "unpin";
    await logModeration(tx, {
      courseId: course.id,
      actorId: user.id,
      action,
      threadId: thread.id,
      targetUserId: thread.authorId,
      reason: input.reason,
    });
    await publishLive(tx, `thread:${thread.id}`, { type: "moderation", id: thread.id });
    return { value: input.value };
  });
}
