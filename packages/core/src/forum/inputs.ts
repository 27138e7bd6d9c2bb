import { z } from "zod";
import { id, multiLine, singleLine } from "../kernel";

/** Input schemas of the forum procedures; messages are shown next to the form field. */

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const REASON_MAX = 500;
export const THREAD_PAGE_MAX = 50;
export const REPLY_PAGE_SIZE = 50;

const title = singleLine({ label: "Title", max: TITLE_MAX }).pipe(
  z.string().min(1, "Give your thread a title."),
);
const body = multiLine({ label: "Message", max: BODY_MAX }).pipe(
  z.string().min(1, "Write a message."),
);
const reason = (label: string) => multiLine({ label, max: REASON_MAX });
const cursor = singleLine({ label: "Cursor", max: 200, trim: false }).nullish();

export const threadKind = z.enum(["discussion", "question"], {
  error: "Choose discussion or question.",
});
export const threadSort = z.enum(["new", "active", "top", "unanswered"], {
  error: "Sort by new, active, top or unanswered.",
});

/** A post is a thread or a reply; votes, reports and hiding take either. */
export const postRef = z.object({
  type: z.enum(["thread", "reply"], { error: "A post is a thread or a reply." }),
  id: id("postId"),
});
export type PostRef = z.output<typeof postRef>;

export const courseForumInput = z.object({ courseId: id("courseId") });
export const threadIdInput = z.object({ threadId: id("threadId") });
export const replyIdInput = z.object({ replyId: id("replyId") });

export const listThreadsInput = z.object({
  courseId: id("courseId"),
  sort: threadSort.default("new"),
  kind: threadKind.optional(),
  lessonId: id("lessonId").optional(),
  cursor,
  limit: z.number().int().min(1).max(THREAD_PAGE_MAX).default(20),
});
export type ListThreadsInput = z.output<typeof listThreadsInput>;

export const lessonThreadsInput = z.object({
  lessonId: id("lessonId"),
  cursor,
  limit: z.number().int().min(1).max(THREAD_PAGE_MAX).default(10),
});
export type LessonThreadsInput = z.output<typeof lessonThreadsInput>;

export const searchThreadsInput = z.object({
  courseId: id("courseId"),
  query: singleLine({ label: "Search", max: 200 }),
  cursor,
  limit: z.number().int().min(1).max(THREAD_PAGE_MAX).default(20),
});
export type SearchThreadsInput = z.output<typeof searchThreadsInput>;

export const listRepliesInput = z.object({
  threadId: id("threadId"),
  cursor,
  limit: z.number().int().min(1).max(REPLY_PAGE_SIZE).default(REPLY_PAGE_SIZE),
});
export type ListRepliesInput = z.output<typeof listRepliesInput>;

export const repliesSinceInput = z.object({
  threadId: id("threadId"),
  /** The highest `seq` the client has; answers replies posted after it, in posting order. */
  afterSeq: z.number().int().min(0),
  limit: z.number().int().min(1).max(REPLY_PAGE_SIZE).default(REPLY_PAGE_SIZE),
});
export type RepliesSinceInput = z.output<typeof repliesSinceInput>;

export const createThreadInput = z.object({
  courseId: id("courseId"),
  kind: threadKind,
  title,
  body,
  lessonId: id("lessonId").nullish(),
});
export type CreateThreadInput = z.output<typeof createThreadInput>;

export const postReplyInput = z.object({
  threadId: id("threadId"),
  /** Reply under this top-level reply (a reply to a nested reply goes under its parent). */
  parentId: id("parentId").nullish(),
  body,
});
export type PostReplyInput = z.output<typeof postReplyInput>;

export const editThreadInput = z.object({ threadId: id("threadId"), title, body });
export type EditThreadInput = z.output<typeof editThreadInput>;

export const editReplyInput = z.object({ replyId: id("replyId"), body });
export type EditReplyInput = z.output<typeof editReplyInput>;

export const historyInput = z.object({ post: postRef });

export const voteInput = z.object({
  post: postRef,
  /** The state wanted (true: voted); sending the same twice changes nothing. */
  voted: z.boolean(),
});
export type VoteInput = z.output<typeof voteInput>;

export const endorseInput = z.object({ replyId: id("replyId"), endorsed: z.boolean() });
export const followInput = z.object({ threadId: id("threadId"), following: z.boolean() });

export const mentionCandidatesInput = z.object({
  courseId: id("courseId"),
  prefix: singleLine({ label: "Name", max: 100 }),
});

export const reportInput = z.object({
  post: postRef,
  reason: reason("Reason").pipe(z.string().min(1, "Say what is wrong with this post.")),
});

export const resolveReportInput = z.object({
  reportId: id("reportId"),
  reason: reason("Note").default(""),
});

export const hideInput = z.object({
  post: postRef,
  hidden: z.boolean(),
  reason: reason("Reason").default(""),
});
export const lockInput = z.object({
  threadId: id("threadId"),
  locked: z.boolean(),
  reason: reason("Reason").default(""),
});
export const pinInput = z.object({
  threadId: id("threadId"),
  pinned: z.boolean(),
  reason: reason("Reason").default(""),
});

export const muteInput = z.object({
  courseId: id("courseId"),
  userId: singleLine({ label: "User", max: 100 }).pipe(z.string().min(1, "Choose a user.")),
  reason: reason("Reason").pipe(z.string().min(1, "Say why this user is muted.")),
  /** Muted until this time; null or absent: until unmuted. */
  until: z.iso
    .datetime({ offset: true, error: "Enter a valid date and time." })
    .transform((v) => new Date(v))
    .nullish(),
});
export const unmuteInput = z.object({
  courseId: id("courseId"),
  userId: singleLine({ label: "User", max: 100 }).pipe(z.string().min(1, "Choose a user.")),
  reason: reason("Reason").default(""),
});

export const reportsInput = z.object({
  courseId: id("courseId"),
  status: z.enum(["open", "closed"]).default("open"),
  cursor,
  limit: z.number().int().min(1).max(50).default(20),
});
export const moderationLogInput = z.object({
  courseId: id("courseId"),
  cursor,
  limit: z.number().int().min(1).max(50).default(20),
});
