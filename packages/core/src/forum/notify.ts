import { sql } from "drizzle-orm";
import { message, verbatim } from "../i18n";
import type { Transaction } from "../kernel";
import { createNotifications, type NewNotification } from "../notifications";
import { isForumMember } from "./access";

/** In-app path of a thread (and a reply's anchor on it); the web app routes it. */
export function threadLink(courseSlug: string, threadId: string, replyId?: string) {
  const path = `/courses/${encodeURIComponent(courseSlug)}/forum/${threadId}`;
  return replyId ? `${path}#reply-${replyId}` : path;
}

/** A post's text for a notification: mentions as @Name, one line, at most 200 characters. */
export function excerpt(body: string, max = 200): string {
  const plain = body
    .replace(/@\[([^\]\n]{1,100})\]\(user:[A-Za-z0-9_-]{1,64}\)/g, "@$1")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1)}…`;
}

type Recipient = {
  user_id: string;
  mentioned: boolean;
  thread_author: boolean;
};

/**
 * Notifies everyone a new reply concerns, once each (dedupe key per reply and person):
 * mentioned members (forum_mention), else the thread's author (forum_reply), else its
 * followers (forum_followed_reply); never the replier, never someone who can no longer read
 * the forum, never an author or follower who unfollowed (unless mentioned). Recipients come
 * from one set-based query and the notifications go in one insert, so 1,000 followers cost
 * two statements, not 1,000.
 */
export async function notifyReply(
  tx: Transaction,
  r: {
    threadId: string;
    threadTitle: string;
    courseSlug: string;
    replyId: string;
    body: string;
    actor: { id: string; name: string };
    mentioned: readonly string[];
  },
) {
  const { rows } = await tx.execute<Recipient>(sql`
    select u.id as user_id, u.id = any(${sql.param([...r.mentioned])}::text[]) as mentioned,
      u.id = t.author_id as thread_author
    from (
      select f.user_id from forum_follows f where f.thread_id = ${r.threadId} and f.following
      union select unnest(${sql.param([...r.mentioned])}::text[])
    ) who
    join users u on u.id = who.user_id
    join forum_threads t on t.id = ${r.threadId}
    join courses on courses.id = t.course_id
    where u.id <> ${r.actor.id} and ${isForumMember(sql`u.id`, sql`u.role`)}`);
  const body = verbatim(excerpt(r.body));
  const link = threadLink(r.courseSlug, r.threadId, r.replyId);
  const named = { actor: r.actor.name, thread: r.threadTitle };
  const items: NewNotification[] = rows.map((row) => {
    const [kind, id]: [NewNotification["kind"], string] = row.mentioned
      ? ["forum_mention", "notification.forum.mention"]
      : row.thread_author
        ? ["forum_reply", "notification.forum.reply"]
        : ["forum_followed_reply", "notification.forum.followed-reply"];
    const title = message(id, named);
    return { userId: row.user_id, kind, title, body, link, dedupeKey: `forum-reply:${r.replyId}` };
  });
  await createNotifications(tx, items);
}

/** Mentions in a new thread: each mentioned member once (not the author). */
export async function notifyThreadMentions(
  tx: Transaction,
  t: {
    threadId: string;
    title: string;
    courseSlug: string;
    body: string;
    actor: { id: string; name: string };
    mentioned: ReadonlyArray<{ id: string }>;
  },
) {
  const body = verbatim(excerpt(t.body));
  await createNotifications(
    tx,
    t.mentioned
      .filter((m) => m.id !== t.actor.id)
      .map((m) => ({
        userId: m.id,
        kind: "forum_mention" as const,
        title: message("notification.forum.mention", { actor: t.actor.name, thread: t.title }),
        body,
        link: threadLink(t.courseSlug, t.threadId),
        dedupeKey: `forum-thread:${t.threadId}`,
      })),
  );
}
