import {
  courseForumInput,
  createThread,
  createThreadInput,
  getForumOverview,
  getThread,
  lessonThreadsInput,
  listLessonThreads,
  listReplies,
  listRepliesInput,
  listThreads,
  listThreadsInput,
  mentionCandidates,
  mentionCandidatesInput,
  postReply,
  postReplyInput,
  searchThreads,
  searchThreadsInput,
  threadIdInput,
} from "@lumen/core/forum";
import { protectedProcedure, router } from "../trpc";

/**
 * Course forums (ADR 0019; contract in the forum ADR). Every procedure checks forum
 * membership (enrolled learners, the course's instructors, admins) in the service; staff-only
 * procedures check staff of that course there too.
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
  mentionCandidates: protectedProcedure
    .input(mentionCandidatesInput)
    .query(({ ctx, input }) => mentionCandidates({ ...ctx, input })),
  createThread: protectedProcedure
    .input(createThreadInput)
    .mutation(({ ctx, input }) => createThread({ ...ctx, input })),
  reply: protectedProcedure
    .input(postReplyInput)
    .mutation(({ ctx, input }) => postReply({ ...ctx, input })),
});
