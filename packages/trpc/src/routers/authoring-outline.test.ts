import { uploadLessonDocument } from "@lumen/core/documents";
import type { SessionUser } from "@lumen/core/kernel";
import { createUser, questionsOfEveryKind } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse, codeOf, outlineOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const api = () => t.callerFor(owner).authoring;
const outline = (courseId: string) => outlineOf(t, owner, courseId);
/** Lesson ids per module, in display order. */
const lessonIds = async (courseId: string) =>
  (await outline(courseId)).map((m) => m.lessons.map((l) => l.id));
const compact = (items: Array<{ position: number }>) =>
  items.every((item, index) => item.position === index);

describe("modules", () => {
  it("are appended at the end and reordered to exactly the given order", async () => {
    const c = await buildCourse(t, owner);
    const { moduleId: third, position } = await api().addModule({
      courseId: c.courseId,
      title: "Extra",
    });
    expect(position).toBe(2);
    const order = [third, c.moduleIds[0] ?? "", c.moduleIds[1] ?? ""];
    await api().reorderModules({ courseId: c.courseId, moduleIds: order });
    const after = await outline(c.courseId);
    expect(after.map((m) => m.id)).toEqual(order);
    expect(compact(after)).toBe(true);
  });

  it("a reorder that misses, repeats or borrows an id is BAD_REQUEST and changes nothing", async () => {
    const c = await buildCourse(t, owner);
    const foreign = await buildCourse(t, owner, "Another");
    const [a = "", b = ""] = c.moduleIds;
    const before = await outline(c.courseId);
    for (const moduleIds of [
      [a],
      [a, a],
      [a, b, foreign.moduleIds[0] ?? ""],
      [b, foreign.moduleIds[0] ?? ""],
    ]) {
      expect(await codeOf(api().reorderModules({ courseId: c.courseId, moduleIds }))).toBe(
        "BAD_REQUEST",
      );
    }
    expect(await outline(c.courseId)).toEqual(before);
  });

  it("deleting a module removes its lessons and closes the gap", async () => {
    const c = await buildCourse(t, owner);
    await api().addModule({ courseId: c.courseId, title: "Third" });
    await api().deleteModule({ moduleId: c.moduleIds[0] ?? "" });
    const after = await outline(c.courseId);
    expect(after.map((m) => m.position)).toEqual([0, 1]);
    expect(after.flatMap((m) => m.lessons.map((l) => l.id))).toEqual([c.lessonIds[2]]);
  });

  it("concurrent reorders leave one of the requested orders, never a mix", async () => {
    const c = await buildCourse(t, owner);
    for (const title of ["C", "D", "E"]) await api().addModule({ courseId: c.courseId, title });
    const ids = (await outline(c.courseId)).map((m) => m.id);
    const orders = [
      ids,
      [...ids].reverse(),
      [...ids.slice(2), ...ids.slice(0, 2)],
      [...ids].sort(),
    ];
    await Promise.all(
      orders.map((moduleIds) => api().reorderModules({ courseId: c.courseId, moduleIds })),
    );
    const after = await outline(c.courseId);
    expect(compact(after)).toBe(true);
    expect(orders).toContainEqual(after.map((m) => m.id));
  });

  it("a reorder racing a delete never leaves a gap: one of them waits for the other", async () => {
    const c = await buildCourse(t, owner);
    await api().addModule({ courseId: c.courseId, title: "Third" });
    const ids = (await outline(c.courseId)).map((m) => m.id);
    await Promise.allSettled([
      api().deleteModule({ moduleId: ids[0] ?? "" }),
      api().reorderModules({ courseId: c.courseId, moduleIds: [...ids].reverse() }),
    ]);
    const after = await outline(c.courseId);
    expect(after.map((m) => m.id).sort()).toEqual(ids.slice(1).sort());
    expect(compact(after)).toBe(true);
  });

  it("concurrent additions get distinct positions", async () => {
    const c = await buildCourse(t, owner);
    await Promise.all(
      ["C", "D", "E", "F"].map((title) => api().addModule({ courseId: c.courseId, title })),
    );
    expect(compact(await outline(c.courseId))).toBe(true);
  });
});

describe("lessons", () => {
  it("reorder within a module; a list that is not exactly its lessons is BAD_REQUEST", async () => {
    const c = await buildCourse(t, owner);
    const [hello = "", loops = "", rename = ""] = c.lessonIds;
    const moduleId = c.moduleIds[0] ?? "";
    await api().reorderLessons({ moduleId, lessonIds: [loops, hello] });
    expect(await lessonIds(c.courseId)).toEqual([[loops, hello], [rename]]);
    for (const ids of [[loops], [loops, hello, rename], [loops, loops]]) {
      expect(await codeOf(api().reorderLessons({ moduleId, lessonIds: ids }))).toBe("BAD_REQUEST");
    }
    expect(await lessonIds(c.courseId)).toEqual([[loops, hello], [rename]]);
  });

  it("move within a module, across modules and past the end, keeping positions compact", async () => {
    const c = await buildCourse(t, owner);
    const [hello = "", loops = "", rename = ""] = c.lessonIds;
    const [basics = "", projects = ""] = c.moduleIds;
    await api().moveLesson({ lessonId: hello, toModuleId: basics, position: 1 });
    expect(await lessonIds(c.courseId)).toEqual([[loops, hello], [rename]]);
    const moved = await api().moveLesson({ lessonId: loops, toModuleId: projects, position: 0 });
    expect(moved).toMatchObject({ moduleId: projects, position: 0 });
    expect(await lessonIds(c.courseId)).toEqual([[hello], [loops, rename]]);
    const last = await api().moveLesson({ lessonId: hello, toModuleId: projects, position: 99 });
    expect(last.position).toBe(2);
    const after = await outline(c.courseId);
    expect(after.map((m) => m.lessons.map((l) => l.id))).toEqual([[], [loops, rename, hello]]);
    expect(after.every((m) => compact(m.lessons))).toBe(true);
  });

  it("cannot move to a module of another course", async () => {
    const c = await buildCourse(t, owner);
    const elsewhere = await buildCourse(t, owner, "Elsewhere");
    const move = api().moveLesson({
      lessonId: c.lessonIds[0] ?? "",
      toModuleId: elsewhere.moduleIds[0] ?? "",
      position: 0,
    });
    expect(await codeOf(move)).toBe("BAD_REQUEST");
    expect((await lessonIds(elsewhere.courseId))[0]).toHaveLength(2);
  });

  it("deleting a lesson closes the gap in its module", async () => {
    const c = await buildCourse(t, owner);
    await api().deleteLesson({ lessonId: c.lessonIds[0] ?? "" });
    const [first] = await outline(c.courseId);
    expect(first?.lessons).toEqual([{ id: c.lessonIds[1], position: 0 }]);
  });

  it("an exercise lesson's body is the prompt learners get", async () => {
    const c = await buildCourse(t, owner);
    const { lessonId } = await api().addLesson({
      moduleId: c.moduleIds[0] ?? "",
      title: "Sum",
      kind: "exercise",
    });
    await api().updateLesson({ lessonId, body: "Print the sum of two numbers." });
    const exercise = await t.callerFor(owner).exercise.take({ lessonId });
    expect(exercise.prompt).toBe("Print the sum of two numbers.");
  });

  it("an assignment lesson's body is the prompt learners get", async () => {
    const c = await buildCourse(t, owner);
    const { lessonId } = await api().addLesson({
      moduleId: c.moduleIds[0] ?? "",
      title: "Essay",
      kind: "assignment",
    });
    await api().updateLesson({ lessonId, body: "Write 500 words on a bridge you like." });
    const assignment = await t.callerFor(owner).assignment.take({ lessonId });
    expect(assignment.prompt).toBe("Write 500 words on a bridge you like.");
  });

  it("only text, exercise and assignment lessons take a body, up to 100k characters", async () => {
    const c = await buildCourse(t, owner);
    const { lessonId: video } = await api().addLesson({
      moduleId: c.moduleIds[0] ?? "",
      title: "Watch",
      kind: "video",
    });
    expect(await codeOf(api().updateLesson({ lessonId: video, body: "text" }))).toBe("BAD_REQUEST");
    await api().updateLesson({ lessonId: video, title: "Watch this", durationSeconds: 90 });
    const text = c.lessonIds[0] ?? "";
    const huge = "x".repeat(100_001);
    expect(await codeOf(api().updateLesson({ lessonId: text, body: huge }))).toBe("BAD_REQUEST");
    await api().updateLesson({ lessonId: text, body: "x".repeat(100_000) });
    const course = await api().getCourse({ courseId: c.courseId });
    const lessons = course.modules.flatMap((m) => m.lessons);
    expect(lessons.find((l) => l.id === video)).toMatchObject({
      title: "Watch this",
      kind: "video",
      durationSeconds: 90,
      position: 2,
    });
    expect(lessons.find((l) => l.id === text)?.body).toHaveLength(100_000);
  });

  it("marks lessons optional and shows it, with quiz question counts and PDF documents", async () => {
    const c = await buildCourse(t, owner);
    const moduleId = c.moduleIds[0] ?? "";
    const text = c.lessonIds[0] ?? "";
    const { lessonId: quiz } = await api().addLesson({ moduleId, title: "Check", kind: "quiz" });
    const { lessonId: pdf } = await api().addLesson({ moduleId, title: "Handout", kind: "pdf" });
    const { updatedAt } = await api().updateLesson({ lessonId: text, isOptional: true });
    expect(updatedAt > c.updatedAt).toBe(true);
    const lessonsOf = async () =>
      (await api().getCourse({ courseId: c.courseId })).modules.flatMap((m) => m.lessons);
    const pick = ({
      id,
      isOptional,
      questionCount,
      document,
    }: Awaited<ReturnType<typeof lessonsOf>>[number]) => ({
      id,
      isOptional,
      questionCount,
      document,
    });
    expect((await lessonsOf()).filter((l) => [text, quiz, pdf].includes(l.id)).map(pick)).toEqual([
      { id: text, isOptional: true, questionCount: null, document: null },
      { id: quiz, isOptional: false, questionCount: 0, document: null },
      { id: pdf, isOptional: false, questionCount: null, document: null },
    ]);

    await t.callerFor(owner).quiz.save({
      lessonId: quiz,
      settings: { passingPercent: 70, maxAttempts: null, requiredForCertificate: true },
      questions: questionsOfEveryKind(),
    });
    const bytes = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
    await uploadLessonDocument({
      db: t.db,
      media: t.media,
      user: owner,
      input: { lessonId: pdf, filename: "handout.pdf" },
      bytes,
    });
    const after = await lessonsOf();
    expect(after.find((l) => l.id === quiz)?.questionCount).toBe(5);
    expect(after.find((l) => l.id === pdf)?.document).toEqual({
      filename: "handout.pdf",
      byteSize: bytes.length,
    });
    // The catalog (drafts are visible to their editors) shows optional lessons too.
    const catalog = await t.callerFor(owner).catalog.bySlug({ slug: c.slug });
    const listed = catalog.modules.flatMap((m) => m.lessons);
    expect(listed.find((l) => l.id === text)?.isOptional).toBe(true);
    expect(listed.find((l) => l.id === quiz)?.isOptional).toBe(false);
  });
});
