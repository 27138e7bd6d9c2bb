/** What the forum procedures answer with. Dates are ISO strings; ids are UUIDs (users: text). */

export type ThreadKind = "discussion" | "question";
export type ThreadSort = "new" | "active" | "top" | "unanswered";

/** Who wrote a post; null when the account was deleted. `isStaff`: course instructor or admin. */
export interface ForumAuthor {
  id: string;
  name: string;
  isStaff: boolean;
}

/** Moderation state as the viewer may see it (hidden posts reach only staff and their author). */
export interface PostFlags {
  hidden: boolean;
  /** Shown to staff and the author only. */
  hiddenReason: string | null;
  /** Deleted by its author: title/body are null and the post shows as a placeholder. */
  deleted: boolean;
}

export interface ThreadSummary extends PostFlags {
  id: string;
  courseId: string;
  lessonId: string | null;
  kind: ThreadKind;
  /** Null when deleted. */
  title: string | null;
  author: ForumAuthor | null;
  pinned: boolean;
  locked: boolean;
  answered: boolean;
  replyCount: number;
  score: number;
  createdAt: string;
  lastActivityAt: string;
}

export interface ThreadPage {
  items: ThreadSummary[];
  /** Pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface SearchPage extends ThreadPage {
  /** The query as it was understood (parsed words), for "results for …". */
  query: string;
}

export interface ThreadDetail extends ThreadSummary {
  /** Markdown; null when deleted. Mentions are `@[Name](user:<id>)`. */
  body: string | null;
  acceptedReplyId: string | null;
  editedAt: string | null;
  lesson: { id: string; title: string } | null;
  course: { id: string; slug: string; title: string };
  viewer: {
    voted: boolean;
    following: boolean;
    isStaff: boolean;
    isAuthor: boolean;
    canReply: boolean;
    /** Why the viewer cannot reply (locked, muted), when they cannot. */
    replyBlockedReason: string | null;
    canEdit: boolean;
    canAccept: boolean;
  };
}

export interface ReplyView extends PostFlags {
  id: string;
  threadId: string;
  /** Posting order in the thread (1, 2, …): live catch-up asks for replies after the last seen. */
  seq: number;
  parentId: string | null;
  /** Markdown; null when deleted. */
  body: string | null;
  author: ForumAuthor | null;
  score: number;
  voted: boolean;
  accepted: boolean;
  endorsed: boolean;
  endorsedBy: { id: string; name: string } | null;
  createdAt: string;
  editedAt: string | null;
  canEdit: boolean;
}

export interface ReplyPage {
  /** In thread order: each top-level reply, then its children. A page may begin with
   * children of a reply on the previous page. */
  items: ReplyView[];
  nextCursor: string | null;
}

export interface Revision {
  id: string;
  previousTitle: string | null;
  previousBody: string;
  editor: { id: string; name: string } | null;
  createdAt: string;
}

export interface MentionCandidate {
  id: string;
  name: string;
  isStaff: boolean;
}

export interface ForumOverview {
  course: { id: string; slug: string; title: string };
  viewer: {
    isStaff: boolean;
    /** Set while the viewer is muted in this course. */
    muted: { reason: string; until: string | null } | null;
  };
  lessons: Array<{ id: string; title: string }>;
}

export interface ReportView {
  id: string;
  post: { type: "thread" | "reply"; id: string };
  threadId: string;
  threadTitle: string;
  /** The post's text as staff see it (null when deleted). */
  excerpt: string | null;
  postAuthor: { id: string; name: string } | null;
  postHidden: boolean;
  reporter: { id: string; name: string } | null;
  reason: string;
  status: "open" | "resolved" | "dismissed";
  resolver: { id: string; name: string } | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface ReportPage {
  items: ReportView[];
  nextCursor: string | null;
}

export type ModerationAction =
  | "hide"
  | "unhide"
  | "lock"
  | "unlock"
  | "pin"
  | "unpin"
  | "mute"
  | "unmute"
  | "dismiss_report";

export interface ModerationEntry {
  id: string;
  action: ModerationAction;
  actor: { id: string; name: string } | null;
  threadId: string | null;
  replyId: string | null;
  targetUser: { id: string; name: string } | null;
  reason: string;
  createdAt: string;
}

export interface ModerationLogPage {
  items: ModerationEntry[];
  nextCursor: string | null;
}

export interface MuteView {
  user: { id: string; name: string };
  reason: string;
  until: string | null;
  mutedBy: { id: string; name: string } | null;
  createdAt: string;
}
