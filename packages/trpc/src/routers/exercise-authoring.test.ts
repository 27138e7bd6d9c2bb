import type { SessionUser } from "@lumen/core/kernel";
import { addLessonOfKind, createCourse, createUser } from "@lumen/core/testing";
import { requireSandbox } from "@lumen/sandbox/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import {
  gradeQueued,
  referenceSubmissionOf,
  SUM_RIGHT,
  SUM_WRONG,
  sumExercise,
} from "../testing/exercise";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;

beforeAll(async () => {
  await requireSandbox();
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
}, 60_000);
afterAll(() => t?.close());

const exercise = (user: SessionUser) => t.callerFor(user).exercise;

async function draftExercise() {
  const course = await createCourse(t.db, owner, { status: "draft", publishedAt: null });
  const lesson = await addLessonOfKind(t.db, course.id, "exercise");
  return { courseId: course.id, lessonId: lesson.id };
}

async function exerciseProblems(courseId: string) {
  const checklist = await t.callerFor(owner).authoring.publishChecklist({ courseId });
  return checklist.problems.filter((p) => p.code.startsWith("exercise_"));
}

describe("exercise.save / exercise.edit", () => {
  it("starts from defaults, saves settings, code and tests, and keeps test ids", async () => {
    const { lessonId } = await draftExercise();
    const blank = await exercise(owner).edit({ lessonId });
    expect(blank).toMatchObject({ tests: [], version: 0, referenceCheck: null });
    expect(blank.languages.map((l) => l.name)).toEqual(["python", "javascript"]);

    const saved = await exercise(owner).save(sumExercise(lessonId, { maxAttempts: 3 }));
    expect(saved.settings).toMatchObject({ language: "python", maxAttempts: 3 });
    expect(saved.tests.map((test) => [test.sample, test.points, test.expected])).toEqual([
      [true, 1, "5\n"],
      [false, 2, "42\n"],
      [false, 2, "0\n"],
    ]);
    expect(saved.referenceCheck).toMatchObject({ status: "queued", purpose: "reference" });

    const ids = saved.tests.map((test) => test.id);
    const input = sumExercise(lessonId);
    const again = await exercise(owner).save({
      ...input,
      tests: input.tests.map((test, i) => ({ ...test, id: ids[i] })).reverse(),
    });
    expect(again.tests.map((test) => test.id)).toEqual([...ids].reverse());
  });

  it("refuses a function exercise without a function name or with tests that are not JSON, and stores nothing", async () => {
    const { lessonId } = await draftExercise();
    const input = sumExercise(lessonId, { style: "function", functionName: "" });
    const error = await errorOf(exercise(owner).save(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({
      fieldErrors: {
        "settings.functionName": ["Name the function the tests call."],
        "tests.0.input": [expect.stringContaining("JSON array")],
      },
    });
    expect((await exercise(owner).edit({ lessonId })).version).toBe(0);
  });

  it("refuses limits past the design figures", async () => {
    const { lessonId } = await draftExercise();
    const input = sumExercise(lessonId, { timeLimitMs: 10_001 });
    expect(await codeOf(exercise(owner).save(input))).toBe("BAD_REQUEST");
  });

  it("lets only the course's editors read or write it", async () => {
    const { lessonId } = await draftExercise();
    const stranger = await createUser(t.db, "instructor");
    expect(await codeOf(exercise(stranger).edit({ lessonId }))).toBe("NOT_FOUND");
    expect(await codeOf(exercise(stranger).save(sumExercise(lessonId)))).toBe("NOT_FOUND");
    const learner = await createUser(t.db);
    expect(await codeOf(exercise(learner).edit({ lessonId }))).toBe("FORBIDDEN");
  });

  it("refuses a lesson of another kind", async () => {
    const course = await createCourse(t.db, owner, { status: "draft", publishedAt: null });
    const text = await addLessonOfKind(t.db, course.id, "text");
    expect(await codeOf(exercise(owner).save(sumExercise(text.id)))).toBe("BAD_REQUEST");
  });
});

describe("publishing waits for the reference solution to pass every test", () => {
  it("names what is missing, then the failing tests, then lets the course publish", async () => {
    const { courseId, lessonId } = await draftExercise();
    expect((await exerciseProblems(courseId)).map((p) => p.code)).toEqual(["exercise_no_tests"]);

    await exercise(owner).save(sumExercise(lessonId, { referenceSolution: "" }));
    expect((await exerciseProblems(courseId)).map((p) => p.code)).toEqual([
      "exercise_no_reference",
    ]);

    await exercise(owner).save(sumExercise(lessonId, { referenceSolution: SUM_WRONG }));
    expect((await exerciseProblems(courseId)).map((p) => p.code)).toEqual([
      "exercise_reference_pending",
    ]);
    await gradeQueued(t);
    const [failed] = await exerciseProblems(courseId);
    expect(failed).toMatchObject({ code: "exercise_reference_failed", lessonId });
    // 2 - 3 = -1 ≠ 5 and 40 - 2 ≠ 42; -7 - 7 ≠ 0: every test, sample and hidden, is named.
    expect(failed?.message).toContain(
      "test 1 (sample) gives a wrong answer; test 2 (hidden) gives a wrong answer; test 3 (hidden) gives a wrong answer",
    );
    const edited = await exercise(owner).edit({ lessonId });
    expect(edited.referencePassed).toBe(false);
    // Editors see every test's output, hidden ones included.
    expect(edited.referenceCheck?.tests[1]).toMatchObject({
      verdict: "WA",
      expected: "42\n",
      actual: "38\n",
    });
    expect(await codeOf(t.callerFor(owner).authoring.publish({ courseId }))).toBe("BAD_REQUEST");

    await exercise(owner).save(sumExercise(lessonId, { referenceSolution: SUM_RIGHT }));
    await gradeQueued(t);
    expect(await exerciseProblems(courseId)).toEqual([]);
    expect((await exercise(owner).edit({ lessonId })).referencePassed).toBe(true);
  }, 120_000);

  it("does not re-run a passed check when only points or attempts change, and does when a test changes", async () => {
    const { lessonId } = await draftExercise();
    await exercise(owner).save(sumExercise(lessonId));
    await gradeQueued(t);
    const first = await referenceSubmissionOf(t, lessonId);
    const passed = await exercise(owner).edit({ lessonId });
    expect(passed.referencePassed).toBe(true);

    const input = sumExercise(lessonId, { maxAttempts: 5, passingPercent: 60 });
    const same = await exercise(owner).save({
      ...input,
      tests: input.tests.map((test) => ({ ...test, points: 3 })),
    });
    expect(same).toMatchObject({ version: passed.version, referencePassed: true });
    expect((await referenceSubmissionOf(t, lessonId))?.id).toBe(first?.id);

    const changed = await exercise(owner).save({
      ...input,
      tests: [...input.tests, { sample: false, points: 1, input: "1 1\n", expected: "3\n" }],
    });
    expect(changed).toMatchObject({ version: passed.version + 1, referencePassed: false });
    await gradeQueued(t);
    const after = await exercise(owner).edit({ lessonId });
    expect(after.referencePassed).toBe(false);
    expect(after.referenceCheck?.tests.map((test) => test.verdict)).toEqual([
      "AC",
      "AC",
      "AC",
      "WA",
    ]);
  }, 120_000);
});
