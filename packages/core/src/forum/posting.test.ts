import { notifications } from "@lumen/db";
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, RateLimitedError, type SessionUser } from "../kernel";
import {
  createEnrollment,
  createForumCourse,
  createForumThread,
  createTestWorld,
  createUser,
  type ForumCast,
  followForumThread,
  type TestWorld,
} from "../testing";
import { followThread } from "./answers";
import { createThread } from "./create-thread";
import { deletePost, editReply, editThread, getHistory } from "./edit";
import { getThread } from "./get-thread";
import { POSTS_PER_MINUTE } from "./limits";
import { listReplies } from "./list-replies";
import { listThreads } from "./list-threads";
import { postReply } from "./post-reply";

let world: TestWorld;
let cast: ForumCast;
let lea: SessionUser;
let mo: SessionUser;
let noor: SessionUser;
beforeAll(async () => {
  world = await createTestWorld();
  cast = await createForumCourse(world.db, { learners: 3 });
  [lea, mo, noor] = cast.learners as [SessionUser, SessionUser, SessionUser];
});
afterAll(() => world.close());

/** Each user's forum notifications for one dedupe key, as "kind user" lines. */
async function notified(dedupeKey: string) {
  const rows = await world.db
    .select({ userId: notifications.userId, kind: notifications.kind })
    .from(notifications)
    .where(eq(notifications.dedupeKey, dedupeKey))
    .orderBy(asc(notifications.userId));
  const names = new Map(
    [cast.instructor, cast.coInstructor, cast.admin, ...cast.learners, cast.former].map((u) => [
      u.id,
      u.name,
    ]),
  );
  return rows.map((r) => `${r.kind} ${names.get(r.userId) ?? r.userId}`).sort();
}

const reply = (user: SessionUser, threadId: string, body: string, parentId?: string) =>
  postReply({ db: world.db, user, input: { threadId, body, parentId } });

describe("notifications", () => {
  it("a reply notifies the thread's author, its followers and the mentioned, each once", async () => {
    const thread = await createForumThread(world.db, cast.course.id, lea, { title: "Loops" });
    await followForumThread(world.db, thread.id, [mo.id, cast.former.id]);
    const { replyId } = await reply(
      cast.instructor,
      thread.id,
      `Try a break, @[Mo](user:${mo.id}) and @[Noor](user:${noor.id}) @[X](user:${cast.outsider.id})`,
    );
    // Mo follows and is mentioned: one notification, the mention. The former learner follows
    // but left the course; the outsider is no member: neither hears of it.
    expect(await notified(`forum-reply:${replyId}`)).toEqual([
      "forum_mention Mo Mentee",
      "forum_mention Noor Novice",
      "forum_reply Lea Learner",
    ]);
    const page = await listReplies({
      db: world.db,
      user: lea,
      input: { threadId: thread.id, limit: 50 },
    });
    expect(page.items[0]?.body).toBe(
      `Try a break, @[Mo Mentee](user:${mo.id}) and @[Noor Novice](user:${noor.id}) @X`,
    );
    const [link] = await world.db
      .select({ link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.userId, lea.id), like(notifications.dedupeKey, "forum-reply:%")));
    expect(link?.link).toBe(`/courses/${cast.course.slug}/forum/${thread.id}#reply-${replyId}`);
  });

  it("repliers follow automatically, an explicit unfollow sticks, the replier hears nothing", async () => {
    const thread = await createForumThread(world.db, cast.course.id, lea);
    await reply(mo, thread.id, "I have the same problem.");
    const second = await reply(noor, thread.id, "Me too.");
    expect(await notified(`forum-reply:${second.replyId}`)).toEqual([
      "forum_followed_reply Mo Mentee",
      "forum_reply Lea Learner",
    ]);
    await followThread({
      db: world.db,
      user: mo,
      input: { threadId: thread.id, following: false },
    });
    await reply(mo, thread.id, "Still stuck, though.");
    const third = await reply(lea, thread.id, "Solved it: see the docs.");
    expect(await notified(`forum-reply:${third.replyId}`)).toEqual([
      "forum_followed_reply Noor Novice",
    ]);
    const seen = await getThread({ db: world.db, user: mo, input: { threadId: thread.id } });
    expect(seen.viewer.following).toBe(false);
  });

  it("a thread's mentions notify members once", async () => {
    const { threadId } = await createThread({
      db: world.db,
      user: lea,
      input: {
        courseId: cast.course.id,
        kind: "discussion",
        title: "Study group",
        body: `Join us @[Noor](user:${noor.id}) @[me](user:${lea.id})`,
      },
    });
    expect(await notified(`forum-thread:${threadId}`)).toEqual(["forum_mention Noor Novice"]);
  });
});

describe("abuse limits", () => {
  it(`refuses a ${POSTS_PER_MINUTE + 1}th post in a minute, and a duplicate, with clear messages`, async () => {
    const fast = await createUser(world.db, "learner", { name: "Speedy" });
    await createEnrollment(world.db, fast, cast.course.id);
    const thread = await createForumThread(world.db, cast.course.id, lea);
    await reply(fast, thread.id, "Same text");
    const duplicate = await reply(fast, thread.id, "  same TEXT ").catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect((duplicate as Error).message).toMatch(/same message/);
    for (let i = 1; i < POSTS_PER_MINUTE; i += 1) await reply(fast, thread.id, `Post ${i}`);
    const tooFast = await reply(fast, thread.id, "One more").catch((e: unknown) => e);
    expect(tooFast).toBeInstanceOf(RateLimitedError);
    expect((tooFast as Error).message).toMatch(/at most 6 posts a minute/);
    const page = await listReplies({
      db: world.db,
      user: fast,
      input: { threadId: thread.id, limit: 50 },
    });
    expect(page.items).toHaveLength(POSTS_PER_MINUTE);
  });
});

describe("edits and deletes", () => {
  it("the author edits with history kept for staff; a deleted post stays as a placeholder", async () => {
    const { threadId } = await createThread({
      db: world.db,
      user: mo,
      input: { courseId: cast.course.id, kind: "question", title: "Typo tittle", body: "v1" },
    });
    await editThread({
      db: world.db,
      user: mo,
      input: { threadId, title: "Fixed title", body: "v2" },
    });
    const { replyId } = await reply(lea, threadId, "first answer");
    await editReply({ db: world.db, user: lea, input: { replyId, body: "better answer" } });
    await reply(noor, threadId, "an answer under it", replyId);

    const history = await getHistory({
      db: world.db,
      user: cast.coInstructor,
      input: { post: { type: "thread", id: threadId } },
    });
    expect(history.map((h) => [h.previousTitle, h.previousBody])).toEqual([["Typo tittle", "v1"]]);
    const replyHistory = await getHistory({
      db: world.db,
      user: cast.admin,
      input: { post: { type: "reply", id: replyId } },
    });
    expect(replyHistory.map((h) => h.previousBody)).toEqual(["first answer"]);
    await expect(
      getHistory({ db: world.db, user: noor, input: { post: { type: "thread", id: threadId } } }),
    ).rejects.toThrow(/instructors and admins/);
    await expect(
      editReply({ db: world.db, user: noor, input: { replyId, body: "mine now" } }),
    ).rejects.toThrow(/Only its author/);

    await deletePost({ db: world.db, user: lea, post: { type: "reply", id: replyId } });
    await deletePost({ db: world.db, user: mo, post: { type: "thread", id: threadId } });
    const thread = await getThread({ db: world.db, user: noor, input: { threadId } });
    expect(thread).toMatchObject({ deleted: true, title: null, body: null, author: null });
    expect(thread.viewer.canReply).toBe(false);
    const page = await listReplies({ db: world.db, user: noor, input: { threadId, limit: 50 } });
    expect(page.items.map((r) => [r.deleted, r.body, r.editedAt !== null])).toEqual([
      [true, null, true],
      [false, "an answer under it", false],
    ]);
  });

  it("a deleted thread stays listed only while it has replies", async () => {
    const lonely = await createThread({
      db: world.db,
      user: mo,
      input: { courseId: cast.course.id, kind: "discussion", title: "Nobody answers", body: "?" },
    });
    const answered = await createThread({
      db: world.db,
      user: mo,
      input: { courseId: cast.course.id, kind: "discussion", title: "Answered", body: "!" },
    });
    await reply(noor, answered.threadId, "Here is an answer.");
    for (const { threadId } of [lonely, answered]) {
      await deletePost({ db: world.db, user: mo, post: { type: "thread", id: threadId } });
    }
    const page = await listThreads({
      db: world.db,
      user: lea,
      input: { courseId: cast.course.id, sort: "new", limit: 50 },
    });
    const ids = page.items.map((t) => t.id);
    expect(ids).not.toContain(lonely.threadId);
    expect(page.items.find((t) => t.id === answered.threadId)).toMatchObject({
      deleted: true,
      title: null,
      replyCount: 1,
    });
  });
});
