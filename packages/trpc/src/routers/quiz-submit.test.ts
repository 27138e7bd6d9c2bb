import { randomUUID } from "node:crypto";
import type { SessionUser } from "@lumen/core/kernel";
import type { LearnerResponse } from "@lumen/core/quiz";
import {
  addLessonOfKind,
  createCourse,
  createUser,
  questionsOfEveryKind,
} from "@lumen/core/testing";
import { lessonProgress, quizAttempts } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const quiz = (user: SessionUser | null) => t.callerFor(user).quiz;

/** A published course with one quiz of every kind (10 points) and an enrolled learner. */
async function fixture({ maxAttempts = null as number | null, isPreview = false } = {}) {
  const course = await createCourse(t.db, owner);
  const lesson = await addLessonOfKind(t.db, course.id, "quiz", { isPreview });
  const saved = await quiz(owner).save({
    lessonId: lesson.id,
    settings: { passingPercent: 50, maxAttempts, requiredForCertificate: true },
    questions: questionsOfEveryKind(),
  });
  const learner = await createUser(t.db);
  const { enrollmentId } = await t.callerFor(learner).enrollment.enroll({ courseId: course.id });
  const [single, multiple, trueFalse, numeric, text] = saved.questions.map((q) => q.id);
  const ids = { single, multiple, trueFalse, numeric, text } as Record<string, string>;
  return { courseId: course.id, lessonId: lesson.id, learner, enrollmentId, ids };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

/** A learner response as tests write it (`as const` tables make arrays readonly). */
type Answer =
  | { readonly kind: "choice"; readonly optionIds: readonly string[] }
  | Exclude<LearnerResponse, { kind: "choice" }>;

/** All correct answers, keyed by question; tests override some. */
function answers(f: Fixture, overrides: Record<string, Answer> = {}) {
  const all: Record<string, Answer> = {
    single: { kind: "choice", optionIds: ["paris"] },
    multiple: { kind: "choice", optionIds: ["three", "two"] },
    trueFalse: { kind: "boolean", value: false },
    numeric: { kind: "number", value: 6.022141 },
    text: { kind: "text", value: " goethe. " },
    ...overrides,
  };
  return Object.entries(all).map(([name, response]) => ({
    questionId: f.ids[name] ?? "",
    response:
      response.kind === "choice" ? { ...response, optionIds: [...response.optionIds] } : response,
  }));
}

const submit = (f: Fixture, overrides: Record<string, Answer> = {}, user = f.learner) =>
  quiz(user).submit({
    lessonId: f.lessonId,
    attemptId: randomUUID(),
    answers: answers(f, overrides),
  });

const attemptRows = (f: Fixture) =>
  t.db.select().from(quizAttempts).where(eq(quizAttempts.enrollmentId, f.enrollmentId));

describe("quiz.take", () => {
  it("never sends the answers: no answer key, no accepted text, no numeric value", async () => {
    const f = await fixture();
    const taken = await quiz(f.learner).take({ lessonId: f.lessonId });
    expect(taken.questions.map((q) => Object.keys(q).sort())).toEqual(
      Array(5).fill(["id", "kind", "options", "points", "prompt"]),
    );
    const json = JSON.stringify(taken);
    for (const secret of ['"answer"', "optionId", "Goethe", "6.02214", "accepted", '"correct"']) {
      expect(json).not.toContain(secret);
    }
    expect(taken).toMatchObject({
      maxPoints: 10,
      attempts: [],
      attemptsLeft: null,
      bestPercent: null,
      passed: false,
      enrollmentId: f.enrollmentId,
    });
    expect(taken.questions[0]?.options).toEqual([
      { id: "lyon", text: "Lyon" },
      { id: "paris", text: "Paris" },
    ]);
  });

  it("shows a learner only their own attempts", async () => {
    const f = await fixture();
    const other = await createUser(t.db);
    await t.callerFor(other).enrollment.enroll({ courseId: f.courseId });
    await submit(f);
    const theirs = await quiz(other).take({ lessonId: f.lessonId });
    expect(theirs.attempts).toEqual([]);
    expect((await quiz(f.learner).take({ lessonId: f.lessonId })).attempts).toHaveLength(1);
  });

  it("lets editors preview without an enrollment, and refuses them a graded submit", async () => {
    const f = await fixture();
    const preview = await quiz(owner).take({ lessonId: f.lessonId });
    expect(preview).toMatchObject({ enrollmentId: null, attempts: [] });
    expect(preview.questions).toHaveLength(5);
    const error = await errorOf(submit(f, {}, owner));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/enrolled learners/);
  });

  it("refuses learners who are not enrolled, and anonymous callers", async () => {
    const f = await fixture();
    const stranger = await createUser(t.db);
    expect(await codeOf(quiz(stranger).take({ lessonId: f.lessonId }))).toBe("FORBIDDEN");
    expect(await codeOf(submit(f, {}, stranger))).toBe("FORBIDDEN");
    expect(await codeOf(quiz(null).take({ lessonId: f.lessonId }))).toBe("UNAUTHORIZED");
    await t.callerFor(f.learner).enrollment.unenroll({ courseId: f.courseId });
    expect(await codeOf(submit(f))).toBe("FORBIDDEN");
    expect(await attemptRows(f)).toEqual([]);
  });

  it("lets a signed-in visitor read a free preview quiz, but not submit it", async () => {
    const f = await fixture({ isPreview: true });
    const stranger = await createUser(t.db);
    expect((await quiz(stranger).take({ lessonId: f.lessonId })).enrollmentId).toBeNull();
    expect(await codeOf(submit(f, {}, stranger))).toBe("FORBIDDEN");
  });
});

describe("quiz.submit grading", () => {
  it("grades every kind on the server and gives feedback without the answers", async () => {
    const f = await fixture();
    const { attempt, replayed } = await submit(f);
    expect(replayed).toBe(false);
    expect(attempt).toMatchObject({
      scorePoints: 10,
      maxPoints: 10,
      scorePercent: 100,
      passed: true,
    });
    expect(attempt.feedback.map((q) => q.correct)).toEqual([true, true, true, true, true]);
    expect(attempt.feedback[0]).toEqual({
      questionId: f.ids.single,
      correct: true,
      pointsAwarded: 1,
      points: 1,
      explanation: "It has been since the 10th century.",
    });
    const json = JSON.stringify(attempt);
    for (const secret of ['"answer"', "Goethe", "6.02214", "accepted"]) {
      expect(json).not.toContain(secret);
    }
  });

  it.each([
    ["single choice, wrong option", "single", { kind: "choice", optionIds: ["lyon"] }, 9],
    ["multiple choice, only one of two", "multiple", { kind: "choice", optionIds: ["two"] }, 8],
    ["true/false, wrong", "trueFalse", { kind: "boolean", value: true }, 9],
    ["numeric, outside the tolerance", "numeric", { kind: "number", value: 6.0222 }, 7],
    ["numeric, within the tolerance", "numeric", { kind: "number", value: 6.02215 }, 10],
    ["short text, normalized", "text", { kind: "text", value: "JOHANN  wolfgang von goethe!" }, 10],
    ["short text, another name", "text", { kind: "text", value: "Schiller" }, 7],
    ["a response of the wrong kind", "trueFalse", { kind: "text", value: "false" }, 9],
  ] as const)("scores %s", async (_name, question, response, points) => {
    const f = await fixture();
    const { attempt } = await submit(f, { [question]: response });
    expect(attempt.scorePoints).toBe(points);
    expect(attempt.scorePercent).toBe(points * 10);
  });

  it("scores left-out questions 0 and refuses answers to questions the quiz does not have", async () => {
    const f = await fixture();
    const partial = await quiz(f.learner).submit({
      lessonId: f.lessonId,
      attemptId: randomUUID(),
      answers: answers(f).slice(0, 1),
    });
    expect(partial.attempt).toMatchObject({ scorePoints: 1, passed: false });
    const unknown = [
      ...answers(f),
      { questionId: randomUUID(), response: { kind: "boolean" as const, value: true } },
    ];
    const error = await errorOf(
      quiz(f.learner).submit({ lessonId: f.lessonId, attemptId: randomUUID(), answers: unknown }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({
      fieldErrors: { "answers.5.questionId": [expect.any(String)] },
    });
    expect(await attemptRows(f)).toHaveLength(1);
  });

  it("counts the best score and keeps a passed quiz passed", async () => {
    const f = await fixture();
    const wrong = { single: { kind: "choice", optionIds: ["lyon"] } } as const;
    const failAll = {
      ...wrong,
      multiple: { kind: "choice", optionIds: [] },
      numeric: { kind: "number", value: 0 },
      text: { kind: "text", value: "" },
    } as const;
    const first = await submit(f, wrong);
    const second = await submit(f, failAll);
    expect([first.attempt.scorePercent, first.passed]).toEqual([90, true]);
    expect(second).toMatchObject({ bestPercent: 90, passed: true, attempt: { passed: false } });
    const taken = await quiz(f.learner).take({ lessonId: f.lessonId });
    expect(taken).toMatchObject({ bestPercent: 90, passed: true });
    expect(taken.attempts.map((a) => a.attemptNumber)).toEqual([2, 1]);
  });

  it("refuses an attempt beyond the limit without writing anything", async () => {
    const f = await fixture({ maxAttempts: 2 });
    expect((await submit(f)).attemptsLeft).toBe(1);
    expect((await submit(f)).attemptsLeft).toBe(0);
    const error = await errorOf(submit(f));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/No attempts left/);
    expect(await attemptRows(f)).toHaveLength(2);
  });

  it("marks the lesson completed when an attempt passes, and not when it fails", async () => {
    const f = await fixture();
    const progress = () =>
      t.db
        .select({ completedAt: lessonProgress.completedAt })
        .from(lessonProgress)
        .where(
          and(
            eq(lessonProgress.enrollmentId, f.enrollmentId),
            eq(lessonProgress.lessonId, f.lessonId),
          ),
        );
    // 5 of 10 points would pass at 50 %: this scores 2.
    const failed = await submit(f, {
      multiple: { kind: "choice", optionIds: [] },
      numeric: { kind: "number", value: 0 },
      text: { kind: "text", value: "Schiller" },
    });
    expect(failed.passed).toBe(false);
    expect(await progress()).toEqual([]);
    await submit(f);
    const [row] = await progress();
    expect(row?.completedAt).toBeInstanceOf(Date);
  });
});

describe("quiz.submit idempotency", () => {
  it("returns the same graded attempt for a resubmitted attempt id, without using up an attempt", async () => {
    const f = await fixture({ maxAttempts: 1 });
    const input = { lessonId: f.lessonId, attemptId: randomUUID(), answers: answers(f) };
    const first = await quiz(f.learner).submit(input);
    const again = await quiz(f.learner).submit({ ...input, answers: [] });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await attemptRows(f)).toHaveLength(1);
  });

  it("records exactly one attempt when ten submits with one attempt id race", async () => {
    const f = await fixture();
    const input = { lessonId: f.lessonId, attemptId: randomUUID(), answers: answers(f) };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => quiz(f.learner).submit(input)),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r.attempt))).size).toBe(1);
    const rows = await attemptRows(f);
    expect(rows.map((r) => [r.id, r.attemptNumber])).toEqual([[input.attemptId, 1]]);
  });

  it("refuses an attempt id another learner already used", async () => {
    const f = await fixture();
    const g = await fixture();
    const attemptId = randomUUID();
    await quiz(f.learner).submit({ lessonId: f.lessonId, attemptId, answers: answers(f) });
    const error = await errorOf(
      quiz(g.learner).submit({ lessonId: g.lessonId, attemptId, answers: answers(g) }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(await attemptRows(g)).toEqual([]);
  });
});
