import type { SessionUser } from "@lumen/core/kernel";
import {
  addLessonOfKind,
  createCourse,
  createUser,
  questionsOfEveryKind,
} from "@lumen/core/testing";
import { courseInstructors, courses, quizQuestions, quizzes } from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;
let coInstructor: SessionUser;
let otherInstructor: SessionUser;
let learner: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  coInstructor = await createUser(t.db, "instructor");
  otherInstructor = await createUser(t.db, "instructor");
  learner = await createUser(t.db, "learner");
});
afterAll(() => t.close());

const quiz = (user: SessionUser | null) => t.callerFor(user).quiz;
const SETTINGS = { passingPercent: 80, maxAttempts: 3, requiredForCertificate: false };

async function quizLesson(status: "draft" | "published" = "draft", kind: "quiz" | "text" = "quiz") {
  const course = await createCourse(t.db, owner, {
    status,
    publishedAt: status === "published" ? new Date() : null,
  });
  await t.db.insert(courseInstructors).values({ courseId: course.id, userId: coInstructor.id });
  const lesson = await addLessonOfKind(t.db, course.id, kind);
  return { courseId: course.id, lessonId: lesson.id };
}

/** What is stored for a quiz: settings and questions, to compare before and after a refusal. */
async function stored(lessonId: string) {
  return {
    quiz: await t.db.select().from(quizzes).where(eq(quizzes.lessonId, lessonId)),
    questions: await t.db
      .select()
      .from(quizQuestions)
      .where(eq(quizQuestions.lessonId, lessonId))
      .orderBy(asc(quizQuestions.position)),
  };
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

const courseUpdatedAt = async (courseId: string) =>
  (await t.db.select().from(courses).where(eq(courses.id, courseId)))[0]?.updatedAt;

describe("quiz.edit / quiz.save", () => {
  it("reads a quiz that was never saved as the defaults, with no questions", async () => {
    const { lessonId } = await quizLesson();
    expect(await quiz(owner).edit({ lessonId })).toEqual({
      lessonId,
      settings: { passingPercent: 70, maxAttempts: null, requiredForCertificate: true },
      questions: [],
      attemptCount: 0,
    });
  });

  it("saves questions of all five kinds with their answers and settings, and touches the course", async () => {
    const { courseId, lessonId } = await quizLesson();
    const before = await courseUpdatedAt(courseId);
    const saved = await quiz(owner).save({
      lessonId,
      settings: SETTINGS,
      questions: questionsOfEveryKind(),
    });
    expect(saved.settings).toEqual(SETTINGS);
    expect(saved.questions.map(({ id: _, ...q }) => q)).toEqual(
      // Defaults filled in by the schema: explanation "" and tolerance as given.
      questionsOfEveryKind().map((q) => ({ explanation: "", ...q })),
    );
    expect(new Set(saved.questions.map((q) => q.id)).size).toBe(5);
    expect(await quiz(coInstructor).edit({ lessonId })).toEqual(saved);
    expect((await courseUpdatedAt(courseId))?.getTime()).toBeGreaterThan(before?.getTime() ?? 0);
  });

  it("keeps the ids of questions that still exist, drops removed ones and treats unknown ids as new", async () => {
    const { lessonId } = await quizLesson();
    const other = await quizLesson();
    const first = await quiz(owner).save({
      lessonId,
      settings: SETTINGS,
      questions: questionsOfEveryKind(),
    });
    const foreign = await quiz(owner).save({
      lessonId: other.lessonId,
      settings: SETTINGS,
      questions: questionsOfEveryKind().slice(0, 1),
    });
    const single = at(first.questions, 0);
    const trueFalse = at(first.questions, 2);
    const foreignId = at(foreign.questions, 0).id;
    const second = await quiz(owner).save({
      lessonId,
      settings: { ...SETTINGS, maxAttempts: null },
      questions: [
        { ...trueFalse, prompt: "The Earth is round." },
        { ...at(questionsOfEveryKind(), 3), id: foreignId },
        single,
      ],
    });
    expect(second.settings.maxAttempts).toBeNull();
    expect(second.questions.map((q) => q.prompt)).toEqual([
      "The Earth is round.",
      "Avogadro's number in units of 10²³, to five decimals?",
      "Which city is the capital of France?",
    ]);
    expect(second.questions[0]?.id).toBe(trueFalse.id);
    expect(second.questions[2]?.id).toBe(single.id);
    // Another quiz's question id cannot be taken over: it became a new question here…
    expect(second.questions[1]?.id).not.toBe(foreignId);
    // …and the other quiz still has its own.
    expect((await quiz(owner).edit({ lessonId: other.lessonId })).questions[0]?.id).toBe(foreignId);
    expect((await stored(lessonId)).questions).toHaveLength(3);
  });

  it("refuses answers that name options the question does not have, with a field error per question", async () => {
    const { lessonId } = await quizLesson();
    await quiz(owner).save({ lessonId, settings: SETTINGS, questions: questionsOfEveryKind() });
    const before = await stored(lessonId);
    const [single, multiple] = questionsOfEveryKind();
    if (single?.kind !== "single_choice" || multiple?.kind !== "multiple_choice") {
      throw new Error("questionsOfEveryKind changed order");
    }
    const error = await errorOf(
      quiz(owner).save({
        lessonId,
        settings: SETTINGS,
        questions: [
          { ...single, answer: { optionId: "berlin" } },
          { ...multiple, answer: { optionIds: ["two", "five"] } },
          {
            ...single,
            options: [
              { id: "same", text: "A" },
              { id: "same", text: "B" },
            ],
            answer: { optionId: "same" },
          },
        ],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({
      fieldErrors: {
        "questions.0.answer": [expect.stringContaining("one of this question's options")],
        "questions.1.answer": [expect.stringContaining("one of this question's options")],
        "questions.2.options": [expect.stringContaining("its own id")],
      },
    });
    expect(await stored(lessonId)).toEqual(before);
  });

  it("refuses a choice question with one option or no correct option before touching anything", async () => {
    const { lessonId } = await quizLesson();
    const [single, multiple] = questionsOfEveryKind();
    if (single?.kind !== "single_choice" || multiple?.kind !== "multiple_choice") {
      throw new Error("questionsOfEveryKind changed order");
    }
    const onlyOne = { ...single, options: [{ id: "paris", text: "Paris" }] };
    const noneCorrect = { ...multiple, answer: { optionIds: [] } };
    for (const question of [onlyOne, noneCorrect]) {
      expect(
        await codeOf(quiz(owner).save({ lessonId, settings: SETTINGS, questions: [question] })),
      ).toBe("BAD_REQUEST");
    }
    expect(await stored(lessonId)).toEqual({ quiz: [], questions: [] });
  });

  it("refuses everyone but the course's editors, without changing anything", async () => {
    const draft = await quizLesson("draft");
    const published = await quizLesson("published");
    for (const f of [draft, published]) {
      await quiz(owner).save({ lessonId: f.lessonId, settings: SETTINGS, questions: [] });
    }
    const attempt = (user: SessionUser | null, lessonId: string) => ({
      edit: codeOf(quiz(user).edit({ lessonId })),
      save: codeOf(
        quiz(user).save({ lessonId, settings: SETTINGS, questions: questionsOfEveryKind() }),
      ),
    });
    for (const [user, onDraft, onPublished] of [
      [otherInstructor, "NOT_FOUND", "FORBIDDEN"],
      [learner, "FORBIDDEN", "FORBIDDEN"],
      [null, "UNAUTHORIZED", "UNAUTHORIZED"],
    ] as const) {
      const d = attempt(user, draft.lessonId);
      const p = attempt(user, published.lessonId);
      expect([await d.edit, await d.save]).toEqual([onDraft, onDraft]);
      expect([await p.edit, await p.save]).toEqual([onPublished, onPublished]);
    }
    expect((await stored(published.lessonId)).questions).toEqual([]);
  });

  it("refuses lessons that are not quizzes", async () => {
    const { lessonId } = await quizLesson("draft", "text");
    expect(await codeOf(quiz(owner).edit({ lessonId }))).toBe("BAD_REQUEST");
    expect(await codeOf(quiz(owner).save({ lessonId, settings: SETTINGS, questions: [] }))).toBe(
      "BAD_REQUEST",
    );
    expect(await stored(lessonId)).toEqual({ quiz: [], questions: [] });
  });
});
