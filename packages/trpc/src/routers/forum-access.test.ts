import type { SessionUser } from "@lumen/core/kernel";
import {
  createCourse,
  createEnrollment,
  createForumCourse,
  createForumReplies,
  createForumThread,
  type ForumCast,
} from "@lumen/core/testing";
import { forumReplies, forumThreads } from "@lumen/db";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let cast: ForumCast;
let lea: SessionUser;
let mo: SessionUser;
let threadId: string;
let replyId: string;

beforeAll(async () => {
  t = await createTestContext();
  cast = await createForumCourse(t.db, { learners: 2 });
  [lea, mo] = cast.learners as [SessionUser, SessionUser];
  const thread = await createForumThread(t.db, cast.course.id, lea, { kind: "question" });
  threadId = thread.id;
  [replyId = ""] = await createForumReplies(t.db, thread, [{ authorId: mo.id }]);
});
afterAll(() => t.close());

async function postCount() {
  const [threads] = await t.db.select({ n: count() }).from(forumThreads);
  const [replies] = await t.db.select({ n: count() }).from(forumReplies);
  return { threads: threads?.n, replies: replies?.n };
}

describe("who reads and posts", () => {
  it("outsiders, former learners and other courses' instructors can neither read nor post", async () => {
    const before = await postCount();
    for (const user of [cast.outsider, cast.former, cast.otherInstructor]) {
      const api = t.callerFor(user).forum;
      expect(await codeOf(api.threads({ courseId: cast.course.id }))).toBe("FORBIDDEN");
      expect(await codeOf(api.thread({ threadId }))).toBe("FORBIDDEN");
      expect(await codeOf(api.replies({ threadId }))).toBe("FORBIDDEN");
      expect(await codeOf(api.search({ courseId: cast.course.id, query: "thread" }))).toBe(
        "FORBIDDEN",
      );
      expect(await codeOf(api.mentionCandidates({ courseId: cast.course.id, prefix: "l" }))).toBe(
        "FORBIDDEN",
      );
      expect(
        await codeOf(
          api.createThread({
            courseId: cast.course.id,
            kind: "discussion",
            title: "Hi",
            body: "x",
          }),
        ),
      ).toBe("FORBIDDEN");
      expect(await codeOf(api.reply({ threadId, body: "let me in" }))).toBe("FORBIDDEN");
      expect(await codeOf(api.vote({ post: { type: "thread", id: threadId }, voted: true }))).toBe(
        "FORBIDDEN",
      );
    }
    const refused = await errorOf(t.callerFor(cast.former).forum.thread({ threadId }));
    expect(refused.message).toBe("Enroll in this course to read and post in its forum.");
    expect(await codeOf(t.callerFor(null).forum.thread({ threadId }))).toBe("UNAUTHORIZED");
    expect(await postCount()).toEqual(before);
  });

  it("a draft course's forum does not exist for learners", async () => {
    const draft = await createCourse(t.db, cast.instructor, { status: "draft", publishedAt: null });
    expect(await codeOf(t.callerFor(lea).forum.threads({ courseId: draft.id }))).toBe("NOT_FOUND");
  });

  it("enrolled learners, the course's instructors and admins read and post", async () => {
    for (const user of [lea, cast.instructor, cast.coInstructor, cast.admin]) {
      const api = t.callerFor(user).forum;
      const page = await api.threads({ courseId: cast.course.id });
      expect(page.items.map((x) => x.id)).toContain(threadId);
      const { replyId: mine } = await api.reply({ threadId, body: `Hello from ${user.name}` });
      const replies = await api.replies({ threadId });
      expect(replies.items.find((r) => r.id === mine)?.author).toMatchObject({
        id: user.id,
        isStaff: user.role !== "learner",
      });
    }
  });

  it("a learner who re-enrols reads again, and their old posts stayed", async () => {
    const back = cast.former;
    const mine = await createForumThread(t.db, cast.course.id, back, { title: "From before" });
    expect(await codeOf(t.callerFor(back).forum.thread({ threadId: mine.id }))).toBe("FORBIDDEN");
    const seen = await t.callerFor(lea).forum.thread({ threadId: mine.id });
    expect(seen.author?.name).toBe("Fay Former");
    const { enrollments } = await import("@lumen/db");
    await t.db
      .update(enrollments)
      .set({ unenrolledAt: null })
      .where(eq(enrollments.userId, back.id));
    expect((await t.callerFor(back).forum.thread({ threadId: mine.id })).title).toBe("From before");
    await t.db
      .update(enrollments)
      .set({ unenrolledAt: new Date() })
      .where(eq(enrollments.userId, back.id));
  });

  it("learners cannot moderate, read history, reports or the log", async () => {
    const api = t.callerFor(lea).forum;
    const post = { type: "reply" as const, id: replyId };
    const refusals = [
      () => api.hide({ post, hidden: true, reason: "spam" }),
      () => api.lock({ threadId, locked: true }),
      () => api.pin({ threadId, pinned: true }),
      () => api.mute({ courseId: cast.course.id, userId: mo.id, reason: "rude" }),
      () => api.unmute({ courseId: cast.course.id, userId: mo.id }),
      () => api.endorse({ replyId, endorsed: true }),
      () => api.history({ post }),
      () => api.reports({ courseId: cast.course.id }),
      () => api.moderationLog({ courseId: cast.course.id }),
      () => api.mutes({ courseId: cast.course.id }),
    ];
    for (const call of refusals) expect(await codeOf(call())).toBe("FORBIDDEN");
    const thread = await t.callerFor(mo).forum.thread({ threadId });
    expect([thread.pinned, thread.locked]).toEqual([false, false]);
  });

  it("bad input is refused with field messages and changes nothing", async () => {
    const before = await postCount();
    const api = t.callerFor(lea).forum;
    const long = await errorOf(
      api.createThread({
        courseId: cast.course.id,
        kind: "question",
        title: "x".repeat(201),
        body: "y".repeat(20_001),
      }),
    );
    expect(long.code).toBe("BAD_REQUEST");
    const nul = await errorOf(api.reply({ threadId, body: "null\u0000byte" }));
    expect(nul.code).toBe("BAD_REQUEST");
    const other = await createEnrollment(t.db, lea, (await createCourse(t.db, cast.instructor)).id);
    expect(other.userId).toBe(lea.id);
    const wrongLesson = await errorOf(
      api.createThread({
        courseId: other.courseId,
        kind: "discussion",
        title: "About a lesson",
        body: "Which lesson?",
        lessonId: cast.lessons[0]?.id,
      }),
    );
    expect(wrongLesson.message).toBe("That lesson is not part of this course.");
    expect(await codeOf(api.threads({ courseId: cast.course.id, cursor: "nope" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await postCount()).toEqual(before);
  });
});
