import type { Queryable, SessionUser } from "../kernel";
import { type ForumCourse, openReply, openThread, type ReplyRow, type ThreadRow } from "./access";
import type { PostRef } from "./inputs";

/** A thread or a reply, opened for the user (see openThread/openReply), as one shape. */
export interface OpenedPost {
  type: "thread" | "reply";
  id: string;
  thread: ThreadRow;
  reply: ReplyRow | null;
  course: ForumCourse;
  authorId: string | null;
  deleted: boolean;
  hidden: boolean;
}

/** Opens a post the user may see; `lock` takes its thread's row lock. */
export async function openPost(
  db: Queryable,
  user: SessionUser,
  post: PostRef,
  { lock = false } = {},
): Promise<OpenedPost> {
  if (post.type === "thread") {
    const { thread, course } = await openThread(db, user, post.id, { lock });
    return {
      type: "thread",
      id: thread.id,
      thread,
      reply: null,
      course,
      authorId: thread.authorId,
      deleted: thread.deletedAt !== null,
      hidden: thread.hidden,
    };
  }
  const { reply, thread, course } = await openReply(db, user, post.id, { lock });
  return {
    type: "reply",
    id: reply.id,
    thread,
    reply,
    course,
    authorId: reply.authorId,
    deleted: reply.deletedAt !== null,
    hidden: reply.hidden,
  };
}
