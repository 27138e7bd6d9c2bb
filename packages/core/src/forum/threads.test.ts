import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createForumCourse,
  createForumReplies,
  createForumThread,
  createTestWorld,
  type ForumCast,
  type TestWorld,
} from "../testing";
import { assertCanReadThread } from "./access";
import { createThread } from "./create-thread";
import { getThread } from "./get-thread";
import { listReplies, listRepliesSince } from "./list-replies";
import { listLessonThreads, listThreads } from "./list-threads";
import { mentionCandidates } from "./mentions";
import { postReply } from "./post-reply";
import { searchThreads } from "./search-threads";

let world: TestWorld;
let cast: ForumCast;
beforeAll(async () => {
  world = await createTestWorld();
  cast = await createForumCourse(world.db, { learners: 3 });
});
afterAll(() => world.close());

const list = (
  user = cast.learners[0],
  extra: Partial<Parameters<typeof listThreads>[0]["input"]> = {},
) =>
  listThreads({
    db: world.db,
    user: user ?? cast.instructor,
    input: { courseId: cast.course.id, sort: "new", limit: 20, ...extra },
  });

describe("threads", () => {
  it("a learner starts a question about a lesson and it heads the newest threads", async () => {
    const [lea] = cast.learners;
    if (!lea) throw new Error("no learner");
    const { threadId } = await createThread({
      db: world.db,
      user: lea,
      input: {
        courseId: cast.course.id,
        kind: "question",
        title: "Why does my loop never end?",
        body: "I wrote `while True:` and it runs forever.",
        lessonId: cast.lessons[0]?.id,
      },
    });
    const page = await list(lea);
    expect(page.items[0]).toMatchObject({
      id: threadId,
      kind: "question",
      title: "Why does my loop never end?",
      answered: false,
      author: { id: lea.id, name: "Lea Learner", isStaff: false },
    });
    const lessonPage = await listLessonThreads({
      db: world.db,
      user: cast.instructor,
      input: { lessonId: cast.lessons[0]?.id ?? "", limit: 10 },
    });
    expect(lessonPage.items.map((t) => t.id)).toContain(threadId);
    const detail = await getThread({ db: world.db, user: lea, input: { threadId } });
    expect(detail.viewer).toMatchObject({ following: true, isAuthor: true, canAccept: true });
    expect(detail.lesson).toEqual({ id: cast.lessons[0]?.id, title: "Loops" });
  });

  it("pages through threads by keyset, each thread once, newest first", async () => {
    const course = await createForumCourse(world.db, { learners: 1 });
    const [learner] = course.learners;
    if (!learner) throw new Error("no learner");
    const made = [];
    for (let i = 0; i < 7; i += 1) {
      made.push(await createForumThread(world.db, course.course.id, learner, { title: `T${i}` }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listThreads({
        db: world.db,
        user: learner,
        input: { courseId: course.course.id, sort: "new", limit: 3, cursor },
      });
      seen.push(...page.items.map((t) => t.title ?? ""));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["T6", "T5", "T4", "T3", "T2", "T1", "T0"]);
  });

  it("replies come in thread order, children under their top-level reply, a page at a time", async () => {
    const [lea, mo] = cast.learners;
    if (!lea || !mo) throw new Error("no learners");
    const thread = await createForumThread(world.db, cast.course.id, lea);
    const first = await postReply({
      db: world.db,
      user: mo,
      input: { threadId: thread.id, body: "First answer" },
    });
    const second = await postReply({
      db: world.db,
      user: cast.instructor,
      input: { threadId: thread.id, body: "Second answer" },
    });
    const nested = await postReply({
      db: world.db,
      user: lea,
      input: { threadId: thread.id, body: "Thanks!", parentId: first.replyId },
    });
    const page1 = await listReplies({
      db: world.db,
      user: lea,
      input: { threadId: thread.id, limit: 2 },
    });
    expect(page1.items.map((r) => r.id)).toEqual([first.replyId, nested.replyId]);
    expect(page1.items[1]?.parentId).toBe(first.replyId);
    const page2 = await listReplies({
      db: world.db,
      user: lea,
      input: { threadId: thread.id, limit: 2, cursor: page1.nextCursor },
    });
    expect(page2.items.map((r) => r.id)).toEqual([second.replyId]);
    expect(page2.items[0]?.author).toMatchObject({ isStaff: true });
    expect(page2.nextCursor).toBeNull();

    // Catch-up after the first reply: posting order, the nested one included.
    const since = await listRepliesSince({
      db: world.db,
      user: lea,
      input: { threadId: thread.id, afterSeq: page1.items[0]?.seq ?? 0, limit: 50 },
    });
    expect(since.items.map((r) => r.id)).toEqual([second.replyId, nested.replyId]);
    expect(since.more).toBe(false);
  });

  it("finds threads by words of their title and body, with the catalog's query syntax", async () => {
    const course = await createForumCourse(world.db, { learners: 1 });
    const [learner] = course.learners;
    if (!learner) throw new Error("no learner");
    const regex = await createForumThread(world.db, course.course.id, learner, {
      title: "Regular expressions in Python",
      body: "How do I match an e-mail address?",
    });
    await createForumThread(world.db, course.course.id, learner, {
      title: "Reading files",
      body: "open() and with blocks",
    });
    const search = (query: string) =>
      searchThreads({
        db: world.db,
        user: learner,
        input: { courseId: course.course.id, query, limit: 20 },
      }).then((page) => page.items.map((t) => t.id));
    expect(await search("regul")).toEqual([regex.id]);
    expect(await search("python -files")).toEqual([regex.id]);
    expect(await search('"e mail" address')).toEqual([regex.id]);
    expect(await search("with OR match")).toHaveLength(2);
    expect(await search("-python")).toEqual([]);
  });

  it("offers course members by name prefix for mentions, staff first", async () => {
    const [lea] = cast.learners;
    if (!lea) throw new Error("no learner");
    const found = await mentionCandidates({
      db: world.db,
      user: lea,
      input: { courseId: cast.course.id, prefix: "@c" },
    });
    expect(found).toEqual([{ id: cast.coInstructor.id, name: "Colin Coteacher", isStaff: true }]);
    const learners = await mentionCandidates({
      db: world.db,
      user: lea,
      input: { courseId: cast.course.id, prefix: "n" },
    });
    expect(learners.map((m) => m.name)).toEqual(["Noor Novice"]);
    const none = await mentionCandidates({
      db: world.db,
      user: lea,
      input: { courseId: cast.course.id, prefix: "Fay" },
    });
    expect(none).toEqual([]);
  });

  it("who may follow a thread's live events: members, and staff or the author when hidden", async () => {
    const [lea, mo] = cast.learners;
    if (!lea || !mo) throw new Error("no learners");
    const thread = await createForumThread(world.db, cast.course.id, lea, {
      hidden: true,
      hiddenReason: "spam",
    });
    const read = (user: typeof lea) => assertCanReadThread(world.db, user, thread.id);
    expect(await read(lea)).toEqual({ threadId: thread.id, courseId: cast.course.id });
    expect((await read(cast.instructor)).threadId).toBe(thread.id);
    await expect(read(mo)).rejects.toThrow("We couldn't find that thread.");
    await expect(read(cast.former)).rejects.toThrow(/Enroll in this course/);
  });

  it("a thread with many replies keeps its count", async () => {
    const [lea] = cast.learners;
    if (!lea) throw new Error("no learner");
    const thread = await createForumThread(world.db, cast.course.id, lea);
    await createForumReplies(world.db, thread, [{ authorId: lea.id }, { authorId: lea.id }]);
    const detail = await getThread({ db: world.db, user: lea, input: { threadId: thread.id } });
    expect(detail.replyCount).toBe(2);
  });
});
