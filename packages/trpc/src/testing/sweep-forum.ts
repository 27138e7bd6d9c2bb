import type { SampleCall, SweepWorld } from "./sweep-world";

const owner = (input: unknown): SampleCall => ({ as: "owner", input });
const learner = (input: unknown): SampleCall => ({ as: "learner", input });

/** The forum procedures' valid calls on the sweep world (its learner's question, the owner's reply). */
export const FORUM_SAMPLES: Record<string, (w: SweepWorld) => SampleCall> = {
  "forum.overview": (w) => learner({ courseId: w.course.id }),
  "forum.threads": (w) => learner({ courseId: w.course.id, sort: "top", kind: "question" }),
  "forum.lessonThreads": (w) => learner({ lessonId: w.textLessonId }),
  "forum.search": (w) => learner({ courseId: w.course.id, query: 'loops -"while true"' }),
  "forum.thread": (w) => learner({ threadId: w.forumThreadId }),
  "forum.replies": (w) => learner({ threadId: w.forumThreadId, limit: 50 }),
  "forum.repliesSince": (w) => learner({ threadId: w.forumThreadId, afterSeq: 0 }),
  "forumFiles.startImage": (w) =>
    learner({
      courseId: w.course.id,
      filename: "sketch.png",
      contentType: "image/png",
      byteSize: 12,
    }),
  "forumFiles.confirmImage": (w) => learner({ imageId: w.forumImageId }),
  "forum.mentionCandidates": (w) => learner({ courseId: w.course.id, prefix: "@in" }),
  "forum.history": (w) => owner({ post: { type: "thread", id: w.forumThreadId } }),
  "forum.createThread": (w) =>
    learner({
      courseId: w.course.id,
      kind: "question",
      title: "Why does this loop never end?",
      body: "```python\n\twhile True:\n\t\tpass\n```",
      lessonId: w.textLessonId,
    }),
  "forum.reply": (w) =>
    learner({
      threadId: w.forumThreadId,
      parentId: w.forumReplyId,
      body: "Thanks,\n\tthat helps.",
    }),
  "forum.editThread": (w) =>
    learner({ threadId: w.forumThreadId, title: "Loops, edited", body: "Edited\n\tbody" }),
  "forum.editReply": (w) => owner({ replyId: w.forumReplyId, body: "Edited\n\tanswer" }),
  "forum.deleteThread": (w) => learner({ threadId: w.forumThreadId }),
  "forum.deleteReply": (w) => owner({ replyId: w.forumReplyId }),
  "forum.vote": (w) => learner({ post: { type: "reply", id: w.forumReplyId }, voted: true }),
  "forum.accept": (w) => learner({ replyId: w.forumReplyId }),
  "forum.unaccept": (w) => learner({ threadId: w.forumThreadId }),
  "forum.endorse": (w) => owner({ replyId: w.forumReplyId, endorsed: true }),
  "forum.follow": (w) => learner({ threadId: w.forumThreadId, following: false }),
  "forum.report": (w) =>
    learner({ post: { type: "reply", id: w.forumReplyId }, reason: "Off topic:\n\tads." }),
  "forum.reports": (w) => owner({ courseId: w.course.id, status: "open" }),
  "forum.dismissReport": (w) => owner({ reportId: w.forumReplyId, reason: "Fine\n\tas is." }),
  "forum.hide": (w) =>
    owner({ post: { type: "reply", id: w.forumReplyId }, hidden: true, reason: "Spam,\n\tads." }),
  "forum.lock": (w) => owner({ threadId: w.forumThreadId, locked: true, reason: "Answered." }),
  "forum.pin": (w) => owner({ threadId: w.forumThreadId, pinned: true, reason: "Useful." }),
  "forum.mute": (w) =>
    owner({
      courseId: w.course.id,
      userId: w.learner.id,
      reason: "Rude\n\tagain.",
      until: "2099-01-01T00:00:00Z",
    }),
  "forum.unmute": (w) => owner({ courseId: w.course.id, userId: w.learner.id, reason: "Sorry." }),
  "forum.mutes": (w) => owner({ courseId: w.course.id }),
  "forum.moderationLog": (w) => owner({ courseId: w.course.id }),
};
