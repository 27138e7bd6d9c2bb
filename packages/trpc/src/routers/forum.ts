import {
  acceptAnswer,
  courseForumInput,
  createThread,
  createThreadInput,
  deletePost,
  dismissReport,
  editReply,
  editReplyInput,
  editThread,
  editThreadInput,
  endorseInput,
  endorseReply,
  followInput,
  followThread,
  getForumOverview,
  getHistory,
  getThread,
  hideInput,
  historyInput,
  lessonThreadsInput,
  listLessonThreads,
  listModerationLog,
  listMutes,
  listReplies,
  listRepliesInput,
  listRepliesSince,
  listReports,
  listThreads,
  listThreadsInput,
  lockInput,
  mentionCandidates,
  mentionCandidatesInput,
  moderationLogInput,
  muteInput,
  muteUser,
  pinInput,
  postReply,
  postReplyInput,
  repliesSinceInput,
  replyIdInput,
  reportInput,
  reportPost,
  reportsInput,
  resolveReportInput,
  searchThreads,
  searchThreadsInput,
  setHidden,
  setThreadFlag,
  threadIdInput,
  unacceptAnswer,
  unmuteInput,
  unmuteUser,
  voteInput,
  votePost,
} from "@lumen/core/forum";
import { privilegedProcedure, protectedProcedure, router } from "../trpc";

/**
 * Course forums (ADR 0019). Membership (enrolled learners, the course's instructors, admins)
 * and staff-only actions are checked by the services against the course, not by role here:
 * an instructor is staff only in their own courses. Staff procedures re-read the session and
 * role from the database (privilegedProcedure), so a demotion applies at once.
 */
export const forumRouter = router({
  overview: protectedProcedure
    .input(courseForumInput)
    .query(({ ctx, input }) => getForumOverview({ ...ctx, input })),
  threads: protectedProcedure
    .input(listThreadsInput)
    .query(({ ctx, input }) => listThreads({ ...ctx, input })),
  lessonThreads: protectedProcedure
    .input(lessonThreadsInput)
    .query(({ ctx, input }) => listLessonThreads({ ...ctx, input })),
  search: protectedProcedure
    .input(searchThreadsInput)
    .query(({ ctx, input }) => searchThreads({ ...ctx, input })),
  thread: protectedProcedure
    .input(threadIdInput)
    .query(({ ctx, input }) => getThread({ ...ctx, input })),
  replies: protectedProcedure
    .input(listRepliesInput)
    .query(({ ctx, input }) => listReplies({ ...ctx, input })),
  repliesSince: protectedProcedure
    .input(repliesSinceInput)
    .query(({ ctx, input }) => listRepliesSince({ ...ctx, input })),
  mentionCandidates: protectedProcedure
    .input(mentionCandidatesInput)
    .query(({ ctx, input }) => mentionCandidates({ ...ctx, input })),
  history: privilegedProcedure
    .input(historyInput)
    .query(({ ctx, input }) => getHistory({ ...ctx, input })),
  createThread: protectedProcedure
    .input(createThreadInput)
    .mutation(({ ctx, input }) => createThread({ ...ctx, input })),
  reply: protectedProcedure
    .input(postReplyInput)
    .mutation(({ ctx, input }) => postReply({ ...ctx, input })),
  editThread: protectedProcedure
    .input(editThreadInput)
    .mutation(({ ctx, input }) => editThread({ ...ctx, input })),
  editReply: protectedProcedure
    .input(editReplyInput)
    .mutation(({ ctx, input }) => editReply({ ...ctx, input })),
  deleteThread: protectedProcedure
    .input(threadIdInput)
    .mutation(({ ctx, input }) =>
      deletePost({ ...ctx, post: { type: "thread", id: input.threadId } }),
    ),
  deleteReply: protectedProcedure
    .input(replyIdInput)
    .mutation(({ ctx, input }) =>
      deletePost({ ...ctx, post: { type: "reply", id: input.replyId } }),
    ),
  vote: protectedProcedure
    .input(voteInput)
    .mutation(({ ctx, input }) => votePost({ ...ctx, input })),
  accept: protectedProcedure
    .input(replyIdInput)
    .mutation(({ ctx, input }) => acceptAnswer({ ...ctx, input })),
  unaccept: protectedProcedure
    .input(threadIdInput)
    .mutation(({ ctx, input }) => unacceptAnswer({ ...ctx, input })),
  endorse: privilegedProcedure
    .input(endorseInput)
    .mutation(({ ctx, input }) => endorseReply({ ...ctx, input })),
  follow: protectedProcedure
    .input(followInput)
    .mutation(({ ctx, input }) => followThread({ ...ctx, input })),
  report: protectedProcedure
    .input(reportInput)
    .mutation(({ ctx, input }) => reportPost({ ...ctx, input })),
  // Moderation: staff of the thread's course only (checked in the services).
  reports: privilegedProcedure
    .input(reportsInput)
    .query(({ ctx, input }) => listReports({ ...ctx, input })),
  dismissReport: privilegedProcedure
    .input(resolveReportInput)
    .mutation(({ ctx, input }) => dismissReport({ ...ctx, input })),
  hide: privilegedProcedure
    .input(hideInput)
    .mutation(({ ctx, input }) => setHidden({ ...ctx, input })),
  lock: privilegedProcedure.input(lockInput).mutation(async ({ ctx, input }) => {
    const { value } = await setThreadFlag({
      ...ctx,
      input: { ...input, flag: "locked", value: input.locked },
    });
    return { locked: value };
  }),
  pin: privilegedProcedure.input(pinInput).mutation(async ({ ctx, input }) => {
    const { value } = await setThreadFlag({
      ...ctx,
      input: { ...input, flag: "pinned", value: input.pinned },
    });
    return { pinned: value };
  }),
  mute: privilegedProcedure
    .input(muteInput)
    .mutation(({ ctx, input }) => muteUser({ ...ctx, input })),
  unmute: privilegedProcedure
    .input(unmuteInput)
    .mutation(({ ctx, input }) => unmuteUser({ ...ctx, input })),
  mutes: privilegedProcedure
    .input(courseForumInput)
    .query(({ ctx, input }) => listMutes({ ...ctx, input })),
  moderationLog: privilegedProcedure
    .input(moderationLogInput)
    .query(({ ctx, input }) => listModerationLog({ ...ctx, input })),
});
