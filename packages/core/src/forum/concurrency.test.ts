import { forumVotes, notifications } from "@lumen/db";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, type SessionUser } from "../kernel";
import {
  createForumCourse,
  createForumReplies,
  createForumThread,
  createTestWorld,
  type ForumCast,
  type TestWorld,
} from "../testing";
import { acceptAnswer } from "./answers";
import { getThread } from "./get-thread";
import { listReplies } from "./list-replies";
import { votePost } from "./vote";

let world: TestWorld;
let cast: ForumCast;
let lea: SessionUser;
let mo: SessionUser;
beforeAll(async () => {
  world = await createTestWorld();
  cast = await createForumCourse(world.db, { learners: 2 });
  [lea, mo] = cast.learners as [SessionUser, SessionUser];
});
afterAll(() => world.close());

async function votesOn(postId: string) {
  const [row] = await world.db
    .select({ n: count() })
    .from(forumVotes)
    .where(eq(forumVotes.postId, postId));
  return Number(row?.n);
}

describe("votes", () => {
  it("20 concurrent votes by one user leave one vote and a score of 1", async () => {
    const thread = await createForumThread(world.db, cast.course.id, lea);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        votePost({
          db: world.db,
          user: mo,
          input: { post: { type: "thread", id: thread.id }, voted: true },
        }),
      ),
    );
    expect(results.every((r) => r.voted && r.score === 1)).toBe(true);
    expect(await votesOn(thread.id)).toBe(1);
    const seen = await getThread({ db: world.db, user: mo, input: { threadId: thread.id } });
    expect([seen.score, seen.viewer.voted]).toEqual([1, true]);
  });

  it("20 concurrent toggles leave the score equal to the vote rows", async () => {
    const thread = await createForumThread(world.db, cast.course.id, lea);
    const [replyId] = await createForumReplies(world.db, thread, [{ authorId: lea.id }]);
    if (!replyId) throw new Error("no reply");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        votePost({
          db: world.db,
          user: mo,
          input: { post: { type: "reply", id: replyId }, voted: i % 2 === 0 },
        }),
      ),
    );
    const rows = await votesOn(replyId);
    expect(rows).toBeLessThanOrEqual(1);
    const page = await listReplies({
      db: world.db,
      user: mo,
      input: { threadId: thread.id, limit: 50 },
    });
    expect(page.items[0]).toMatchObject({ score: rows, voted: rows === 1 });
    expect(results.every((r) => r.score === 0 || r.score === 1)).toBe(true);
  });
});

describe("accepted answers", () => {
  it("accepting two answers at once accepts exactly one; the other is refused", async () => {
    const thread = await createForumThread(world.db, cast.course.id, lea, { kind: "question" });
    const replyIds = await createForumReplies(world.db, thread, [
      { authorId: mo.id },
      { authorId: cast.instructor.id },
    ]);
    const outcomes = await Promise.allSettled(
      replyIds.map((replyId) => acceptAnswer({ db: world.db, user: lea, input: { replyId } })),
    );
    const accepted = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(ConflictError);
    const seen = await getThread({ db: world.db, user: mo, input: { threadId: thread.id } });
    expect(seen.acceptedReplyId).toBe(accepted[0]?.acceptedReplyId);
    expect(seen.answered).toBe(true);
    const page = await listReplies({
      db: world.db,
      user: mo,
      input: { threadId: thread.id, limit: 50 },
    });
    expect(page.items.filter((r) => r.accepted).map((r) => r.id)).toEqual([
      accepted[0]?.acceptedReplyId,
    ]);
    // The accepted answer's author heard of it once (the asker accepting is never notified).
    const [n] = await world.db
      .select({ n: count() })
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, "forum_answer_accepted"),
          eq(notifications.dedupeKey, `forum-accepted:${accepted[0]?.acceptedReplyId}`),
        ),
      );
    expect(Number(n?.n)).toBe(1);
  });

  it("a learner who did not ask cannot accept; a discussion has no accepted answer", async () => {
    const question = await createForumThread(world.db, cast.course.id, lea, { kind: "question" });
    const [replyId] = await createForumReplies(world.db, question, [{ authorId: mo.id }]);
    await expect(
      acceptAnswer({ db: world.db, user: mo, input: { replyId: replyId ?? "" } }),
    ).rejects.toThrow(/Only the person who asked/);
    const staff = await acceptAnswer({
      db: world.db,
      user: cast.coInstructor,
      input: { replyId: replyId ?? "" },
    });
    expect(staff.acceptedReplyId).toBe(replyId);
    const discussion = await createForumThread(world.db, cast.course.id, lea);
    const [other] = await createForumReplies(world.db, discussion, [{ authorId: mo.id }]);
    await expect(
      acceptAnswer({ db: world.db, user: lea, input: { replyId: other ?? "" } }),
    ).rejects.toThrow(/Only questions/);
  });
});
