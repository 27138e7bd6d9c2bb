/**
 * Course forums: threads (discussions and questions) and replies, votes, accepted and
 * endorsed answers, follows, mentions and their notifications, search, abuse limits and
 * moderation (ADR 0019). Read and post: the course's enrolled learners, instructors, admins.
 */
export { assertCanReadThread, isForumMember, isForumStaff } from "./access";
export { acceptAnswer, endorseReply, followThread, unacceptAnswer } from "./answers";
export { createThread } from "./create-thread";
export { deletePost, editReply, editThread, getHistory } from "./edit";
export { getThread } from "./get-thread";
export * from "./images";
export * from "./inputs";
export { DUPLICATE_WINDOW_MINUTES, POSTS_PER_MINUTE } from "./limits";
export { listReplies, listRepliesSince } from "./list-replies";
export { listLessonThreads, listThreads } from "./list-threads";
export { type ThreadLiveEvent, type TrackedThreadEvent, threadEvents } from "./live-events";
export { MENTIONS_MAX, mentionCandidates, mentionedIds } from "./mentions";
export { setHidden, setThreadFlag } from "./moderate";
export { listModerationLog } from "./moderation-log";
export { listMutes, muteUser, unmuteUser } from "./mute";
export { threadLink } from "./notify";
export { getForumOverview } from "./overview";
export { postReply } from "./post-reply";
export { dismissReport, listReports, reportPost } from "./reports";
export { searchThreads } from "./search-threads";
export type * from "./types";
export { votePost } from "./vote";
