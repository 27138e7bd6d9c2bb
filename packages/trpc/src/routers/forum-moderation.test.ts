import type { SessionUser } from "@lumen/core/kernel";
import { createForumCourse, createForumThread, type ForumCast } from "@lumen/core/testing";
import { notifications } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let cast: ForumCast;
let lea: SessionUser;
let mo: SessionUser;
let noor: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  cast = await createForumCourse(t.db, { learners: 3 });
  [lea, mo, noor] = cast.learners as [SessionUser, SessionUser, SessionUser];
});
afterAll(() => t.close());

const forum = (user: SessionUser) => t.callerFor(user).forum;

async function moderationNotes(user: SessionUser) {
  const rows = await t.db
    .select({ title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "forum_moderation")));
  return rows.map((r) => `${r.title}: ${r.body}`);
}

describe("moderation", () => {
  it("a report reaches the queue; hiding the post resolves it and hides it from learners only", async () => {
    const thread = await createForumThread(t.db, cast.course.id, lea, { title: "Help" });
    const { replyId } = await forum(mo).reply({ threadId: thread.id, body: "Buy cheap watches!" });
    const post = { type: "reply" as const, id: replyId };
    const first = await forum(noor).report({ post, reason: "Spam" });
    const again = await forum(noor).report({ post, reason: "Spam!!" });
    expect(again.reportId).toBe(first.reportId);

    const queue = await forum(cast.instructor).reports({ courseId: cast.course.id });
    expect(queue.items).toEqual([
      expect.objectContaining({
        id: first.reportId,
        post,
        threadTitle: "Help",
        excerpt: "Buy cheap watches!",
        postAuthor: { id: mo.id, name: "Mo Mentee" },
        reporter: { id: noor.id, name: "Noor Novice" },
        reason: "Spam",
        status: "open",
      }),
    ]);

    expect(await codeOf(forum(cast.admin).hide({ post, hidden: true }))).toBe("BAD_REQUEST");
    await forum(cast.coInstructor).hide({ post, hidden: true, reason: "Advertising" });
    const learnerView = await forum(lea).replies({ threadId: thread.id });
    expect(learnerView.items.map((r) => r.id)).not.toContain(replyId);
    const staffView = await forum(cast.instructor).replies({ threadId: thread.id });
    expect(staffView.items.find((r) => r.id === replyId)).toMatchObject({
      hidden: true,
      hiddenReason: "Advertising",
      body: "Buy cheap watches!",
    });
    const authorView = await forum(mo).replies({ threadId: thread.id });
    expect(authorView.items.find((r) => r.id === replyId)).toMatchObject({ hidden: true });
    expect(await codeOf(forum(lea).vote({ post, voted: true }))).toBe("NOT_FOUND");

    expect((await forum(cast.instructor).reports({ courseId: cast.course.id })).items).toEqual([]);
    const closed = await forum(cast.instructor).reports({
      courseId: cast.course.id,
      status: "closed",
    });
    expect(closed.items[0]).toMatchObject({ status: "resolved", postHidden: true });
    expect(await moderationNotes(mo)).toEqual([
      "A moderator hid your reply in “Help”: Advertising",
    ]);

    await forum(cast.instructor).hide({ post, hidden: false, reason: "" });
    const back = await forum(lea).replies({ threadId: thread.id });
    expect(back.items.find((r) => r.id === replyId)).toMatchObject({ hidden: false });
  });

  it("a hidden thread leaves learners' lists and reads, but not staff's", async () => {
    const thread = await createForumThread(t.db, cast.course.id, mo, {
      title: "Off topic chatter",
      body: "Anyone into zeppelins?",
    });
    await forum(cast.admin).hide({
      post: { type: "thread", id: thread.id },
      hidden: true,
      reason: "Off topic",
    });
    const listed = async (user: SessionUser) =>
      (await forum(user).threads({ courseId: cast.course.id, limit: 50 })).items.map((x) => x.id);
    expect(await listed(lea)).not.toContain(thread.id);
    expect(await codeOf(forum(lea).thread({ threadId: thread.id }))).toBe("NOT_FOUND");
    expect(await listed(cast.instructor)).toContain(thread.id);
    expect(await listed(mo)).toContain(thread.id);
    const found = async (user: SessionUser) =>
      (await forum(user).search({ courseId: cast.course.id, query: "zeppelin" })).items.map(
        (x) => x.id,
      );
    expect(await found(lea)).toEqual([]);
    expect(await found(cast.instructor)).toEqual([thread.id]);
    const author = await forum(mo).thread({ threadId: thread.id });
    expect(author.viewer.replyBlockedReason).toBe(
      "A moderator hid this thread: it takes no new replies.",
    );
  });

  it("a locked thread refuses replies; pinned threads head the list", async () => {
    const thread = await createForumThread(t.db, cast.course.id, lea, { title: "Rules" });
    await createForumThread(t.db, cast.course.id, lea, { title: "Newer" });
    await forum(cast.instructor).lock({ threadId: thread.id, locked: true, reason: "Answered" });
    const refused = await errorOf(forum(mo).reply({ threadId: thread.id, body: "One more" }));
    expect([refused.code, refused.message]).toEqual([
      "FORBIDDEN",
      "This thread is locked: it takes no new replies.",
    ]);
    await forum(cast.instructor).pin({ threadId: thread.id, pinned: true });
    const page = await forum(mo).threads({ courseId: cast.course.id, sort: "new" });
    expect(page.items[0]).toMatchObject({ id: thread.id, pinned: true, locked: true });
  });

  it("a muted learner reads but cannot post until unmuted; every action is in the log", async () => {
    const thread = await createForumThread(t.db, cast.course.id, lea);
    const staff = forum(cast.instructor);
    expect(
      await codeOf(
        staff.mute({ courseId: cast.course.id, userId: cast.coInstructor.id, reason: "x" }),
      ),
    ).toBe("FORBIDDEN");
    await staff.mute({ courseId: cast.course.id, userId: noor.id, reason: "Insults." });
    const refused = await errorOf(forum(noor).reply({ threadId: thread.id, body: "Let me talk" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/muted you in this course's forum: Insults\./);
    expect(
      await codeOf(
        forum(noor).createThread({
          courseId: cast.course.id,
          kind: "discussion",
          title: "Still here",
          body: "hello",
        }),
      ),
    ).toBe("FORBIDDEN");
    expect((await forum(noor).thread({ threadId: thread.id })).viewer.canReply).toBe(false);
    const overview = await forum(noor).overview({ courseId: cast.course.id });
    expect(overview.viewer.muted).toEqual({ reason: "Insults.", until: null });
    expect((await staff.mutes({ courseId: cast.course.id })).map((m) => m.user.id)).toEqual([
      noor.id,
    ]);
    await staff.unmute({ courseId: cast.course.id, userId: noor.id, reason: "Apologised" });
    await forum(noor).reply({ threadId: thread.id, body: "Sorry, everyone." });

    const log = await forum(cast.admin).moderationLog({ courseId: cast.course.id, limit: 50 });
    expect(log.items.map((e) => `${e.action} ${e.actor?.name} ${e.reason}`).slice(0, 2)).toEqual([
      "unmute Ines Instructor Apologised",
      "mute Ines Instructor Insults.",
    ]);
    expect(log.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(["hide", "unhide", "lock", "pin", "mute", "unmute"]),
    );
    expect(await moderationNotes(noor)).toEqual([
      `You can't post in ${cast.course.title}'s forum for now: Insults.`,
    ]);
  });

  it("staff endorse answers and see who did", async () => {
    const thread = await createForumThread(t.db, cast.course.id, lea, { kind: "question" });
    const { replyId } = await forum(mo).reply({ threadId: thread.id, body: "Use a for loop." });
    await forum(cast.coInstructor).endorse({ replyId, endorsed: true });
    const page = await forum(lea).replies({ threadId: thread.id });
    expect(page.items[0]).toMatchObject({
      endorsed: true,
      endorsedBy: { id: cast.coInstructor.id, name: "Colin Coteacher" },
    });
  });
});
