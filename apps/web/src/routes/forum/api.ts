import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { inferInput, inferOutput } from "@trpc/tanstack-react-query";
import { trpc } from "../../lib/trpc";

export type ThreadSummary = inferOutput<typeof trpc.forum.threads>["items"][number];
export type ThreadDetail = inferOutput<typeof trpc.forum.thread>;
export type ReplyView = inferOutput<typeof trpc.forum.replies>["items"][number];
export type ForumOverview = inferOutput<typeof trpc.forum.overview>;
export type ThreadSort = NonNullable<inferInput<typeof trpc.forum.threads>["sort"]>;
export type ThreadKind = ThreadSummary["kind"];
export type PostRef = inferInput<typeof trpc.forum.vote>["post"];

export const forumPath = (slug: string) => `/courses/${slug}/forum`;
export const threadPath = (slug: string, threadId: string) => `${forumPath(slug)}/${threadId}`;
/** The course's forum with the new-thread form open, about `lessonId`. */
export const askPath = (slug: string, lessonId: string) =>
  `${forumPath(slug)}?new=question&lesson=${encodeURIComponent(lessonId)}`;

/** Every cached forum read (lists, thread, replies): what a change there makes stale. */
export const forumKey = () => trpc.forum.pathKey();

/** Translated where shown (`i18n._`), so a language switch re-renders them. */
export const KIND_LABELS: Record<ThreadKind, MessageDescriptor> = {
  discussion: msg`Discussion`,
  question: msg`Question`,
};
