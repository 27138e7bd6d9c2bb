/**
 * Course forums: threads (discussions and questions) and replies, votes, accepted and
 * endorsed answers, follows, mentions and their notifications, search, abuse limits and
 * moderation (ADR 0019). Read and post: the course's enrolled learners, instructors, admins.
 */
export { isForumMember, isForumStaff } from "./access";
export { createThread } from "./create-thread";
export { getThread } from "./get-thread";
export * from "./inputs";
export { DUPLICATE_WINDOW_MINUTES, POSTS_PER_MINUTE } from "./limits";
export { listReplies } from "./list-replies";
export { listLessonThreads, listThreads } from "./list-threads";
export { MENTIONS_MAX, mentionCandidates, mentionedIds } from "./mentions";
export { threadLink } from "./notify";
export { getForumOverview } from "./overview";
export { postReply } from "./post-reply";
export { searchThreads } from "./search-threads";
export type * from "./types";
