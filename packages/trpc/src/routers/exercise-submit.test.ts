import { randomUUID } from "node:crypto";
import { gradeExerciseSubmission, PENDING_MAX } from "@lumen/core/exercise";
import type { SessionUser } from "@lumen/core/kernel";
import { createUser } from "@lumen/core/testing";
import { courseMilestones, exerciseSubmissions, lessonProgress } from "@lumen/db";
import { gradeSubmission } from "@lumen/sandbox";
import { requireSandbox } from "@lumen/sandbox/testing";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import { exerciseCourse, gradeQueued, SUM_RIGHT, SUM_WRONG } from "../testing/exercise";
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

function submit(
  user: SessionUser,
  lessonId: string,
  code: string,
  purpose: "submit" | "samples" = "submit",
  submissionId: string = randomUUID(),
) {
  return exercise(user).submit({ lessonId, submissionId, purpose, code });
}

async function submissionCount(lessonId: string, userId: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(exerciseSubmissions)
    .where(and(eq(exerciseSubmissions.lessonId, lessonId), eq(exerciseSubmissions.userId, userId)));
  return row?.n ?? 0;
}

describe("exercise.take", () => {
  it("gives learners the samples and only a count of the hidden tests", async () => {
    const { lessonId, learner } = await exerciseCourse(t, owner);
    const taken = await exercise(learner).take({ lessonId });
    expect(taken.samples).toEqual([
      { testId: expect.any(String), position: 0, points: 1, input: "2 3\n", expected: "5\n" },
    ]);
    expect(taken).toMatchObject({
      hiddenTests: { count: 2, points: 4 },
      maxPoints: 5,
      language: { name: "python", label: "Python 3" },
      draft: null,
      attemptsLeft: null,
      passed: false,
      ready: true,
    });
    // Nothing of the hidden tests or the reference solution is anywhere in the response.
    const json = JSON.stringify(taken);
    for (const secret of ["40 2", "42\\n", "-7 7", "print(a + b)"]) {
      expect(json).not.toContain(secret);
    }
  });

  it("saves the learner's draft and gives it back, to that learner only", async () => {
    const { lessonId, learner } = await exerciseCourse(t, owner);
    await exercise(learner).saveDraft({ lessonId, code: "print('draft')\n" });
    expect((await exercise(learner).take({ lessonId })).draft).toBe("print('draft')\n");
    expect((await exercise(owner).take({ lessonId })).draft).toBeNull();
    const outsider = await createUser(t.db);
    expect(await codeOf(exercise(outsider).saveDraft({ lessonId, code: "x" }))).toBe("FORBIDDEN");
  });
});

describe("exercise.submit", () => {
  it("answers at once with a queued submission, and a resend with the same id is the same one", async () => {
    const { lessonId, learner } = await exerciseCourse(t, owner, { maxAttempts: 2 });
    const submissionId = randomUUID();
    const first = await submit(learner, lessonId, SUM_WRONG, "submit", submissionId);
    expect(first).toMatchObject({
      replayed: false,
      submission: { submissionId, status: "queued", attemptNumber: 1, verdict: null },
    });
    const again = await submit(learner, lessonId, SUM_RIGHT, "submit", submissionId);
    expect(again).toMatchObject({ replayed: true, submission: { submissionId, attemptNumber: 1 } });
    expect(await submissionCount(lessonId, learner.id)).toBe(1);
    expect((await exercise(learner).take({ lessonId })).attemptsLeft).toBe(1);
  });

  it("refuses an attempt past the limit with a clear message and writes nothing", async () => {
    const { lessonId, learner } = await exerciseCourse(t, owner, { maxAttempts: 1 });
    const { submission } = await submit(learner, lessonId, SUM_WRONG);
    await gradeQueued(t, [submission.submissionId]);
    const error = await errorOf(submit(learner, lessonId, SUM_RIGHT));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "No attempts left: this exercise allows 1 graded submission. You can still run the samples.",
    );
    expect(await submissionCount(lessonId, learner.id)).toBe(1);
    // Samples stay open.
    expect((await submit(learner, lessonId, SUM_RIGHT, "samples")).submission.status).toBe(
      "queued",
    );
  }, 60_000);

  it(`keeps at most ${PENDING_MAX} runs waiting per learner`, async () => {
    const { lessonId, learner } = await exerciseCourse(t, owner);
    for (let i = 0; i < PENDING_MAX; i++) await submit(learner, lessonId, SUM_RIGHT, "samples");
    const error = await errorOf(submit(learner, lessonId, SUM_RIGHT));
    expect(error.code).toBe("CONFLICT");
    expect(await submissionCount(lessonId, learner.id)).toBe(PENDING_MAX);
  });

  it("takes a graded submit only from an enrolled learner; an editor previewing may run samples", async () => {
    const { lessonId } = await exerciseCourse(t, owner);
    const outsider = await createUser(t.db);
    expect(await codeOf(submit(outsider, lessonId, SUM_RIGHT))).toBe("FORBIDDEN");
    expect(await codeOf(submit(outsider, lessonId, SUM_RIGHT, "samples"))).toBe("FORBIDDEN");
    expect(await codeOf(submit(owner, lessonId, SUM_RIGHT))).toBe("FORBIDDEN");
    expect((await submit(owner, lessonId, SUM_RIGHT, "samples")).submission.purpose).toBe(
      "samples",
    );
  });

  it("shows a submission to its author and the course's editors only", async () => {
    const { lessonId, learner } = await exerciseCourse(t, owner);
    const { submission } = await submit(learner, lessonId, SUM_RIGHT);
    const input = { submissionId: submission.submissionId };
    expect((await exercise(learner).submission(input)).status).toBe("queued");
    expect((await exercise(owner).submission(input)).submissionId).toBe(input.submissionId);
    const other = await createUser(t.db);
    expect(await codeOf(exercise(other).submission(input))).toBe("NOT_FOUND");
  });
});

describe("grading in the sandbox", () => {
  it("a wrong solution gets WA with the sample's diff and hidden verdicts only; a right one passes and completes the lesson", async () => {
    const { lessonId, learner, enrollmentId, courseId } = await exerciseCourse(t, owner);
    const wrong = await submit(learner, lessonId, SUM_WRONG);
    await gradeQueued(t, [wrong.submission.submissionId]);
    const graded = await exercise(learner).submission({
      submissionId: wrong.submission.submissionId,
    });
    expect(graded).toMatchObject({
      status: "graded",
      verdict: "WA",
      scorePoints: 0,
      maxPoints: 5,
      passed: false,
    });
    expect(graded.tests[0]).toMatchObject({
      sample: true,
      hidden: false,
      verdict: "WA",
      input: "2 3\n",
      expected: "5\n",
      actual: "-1\n",
      // Lines are quoted in the diff, so whitespace differences show.
      diff: { line: 1, expected: JSON.stringify("5"), actual: JSON.stringify("-1") },
    });
    for (const hidden of graded.tests.slice(1)) {
      expect(hidden).toMatchObject({ sample: false, hidden: true, verdict: "WA" });
      expect(Object.keys(hidden)).not.toContain("input");
      expect(Object.keys(hidden)).not.toContain("actual");
    }
    expect((await t.callerFor(learner).progress.course({ courseId }))?.assessmentsToPass).toBe(1);

    const right = await submit(learner, lessonId, SUM_RIGHT);
    await gradeQueued(t, [right.submission.submissionId]);
    const taken = await exercise(learner).take({ lessonId });
    expect(taken).toMatchObject({ passed: true, bestPercent: 100, attemptsUsed: 2 });
    expect(taken.submissions.map((s) => s.verdict)).toEqual(["AC", "WA"]);
    const progress = await t.callerFor(learner).progress.course({ courseId });
    expect(progress).toMatchObject({ percent: 100, assessmentsToPass: 0 });
    expect(progress?.lessons[0]).toMatchObject({
      completed: true,
      bestPercent: 100,
      assessmentPassed: true,
    });
    const [completed] = await t.db
      .select()
      .from(lessonProgress)
      .where(eq(lessonProgress.enrollmentId, enrollmentId));
    expect(completed?.completedAt).toBeInstanceOf(Date);
    // Each graded attempt reached the learner's bell (kind "grade"), newest first.
    const { items } = await t.callerFor(learner).notifications.list({});
    expect(
      items.filter((n) => n.kind === "grade").map((n) => [n.title.replace(/^“.*” /, ""), n.body]),
    ).toEqual([
      ["was graded: 100%", "You passed. Open the lesson for the details."],
      ["was graded: 0%", "Not a pass yet. Open the lesson for the details."],
    ]);
  }, 60_000);

  it("a run of the samples grades the samples only and uses no attempt", async () => {
    const { lessonId, learner, courseId } = await exerciseCourse(t, owner, { maxAttempts: 1 });
    const run = await submit(learner, lessonId, SUM_RIGHT, "samples");
    await gradeQueued(t, [run.submission.submissionId]);
    const graded = await exercise(learner).submission({
      submissionId: run.submission.submissionId,
    });
    expect(graded.tests.map((test) => [test.position, test.verdict])).toEqual([[0, "AC"]]);
    expect(await exercise(learner).take({ lessonId })).toMatchObject({
      attemptsLeft: 1,
      passed: false,
    });
    expect((await t.callerFor(learner).progress.course({ courseId }))?.percent).toBe(0);
    // A sample run is not a grade: nothing for the bell.
    expect((await t.callerFor(learner).notifications.list({})).items).toEqual([]);
  }, 60_000);

  it("a passing score below 100 % passes with some hidden tests failing; the best attempt counts", async () => {
    const { lessonId, learner } = await exerciseCourse(t, owner, { passingPercent: 60 });
    // Right unless the answer is 0: fails the last hidden test only (3 of 5 points = 60 %).
    const almost = "a, b = map(int, input().split())\nprint(a + b or 1)\n";
    const first = await submit(learner, lessonId, almost);
    const second = await submit(learner, lessonId, SUM_WRONG);
    await gradeQueued(t, [first.submission.submissionId, second.submission.submissionId]);
    expect(await exercise(learner).take({ lessonId })).toMatchObject({
      bestPercent: 60,
      passed: true,
    });
  }, 60_000);

  it("grades a submission once however many graders run it at the same time", async () => {
    const { lessonId, learner, enrollmentId } = await exerciseCourse(t, owner, {
      requiredForCertificate: false,
    });
    const { submission } = await submit(learner, lessonId, SUM_RIGHT);
    const grade = () =>
      gradeExerciseSubmission({
        db: t.db,
        outbox: t.outbox,
        submissionId: submission.submissionId,
        grade: (s) => gradeSubmission(s),
      });
    const outcomes = await Promise.all([grade(), grade()]);
    expect(outcomes.sort()).toEqual(["already-graded", "graded"]);
    expect(await grade()).toBe("already-graded");
    // One completion: the 100 % milestone was recorded once.
    const milestones = await t.db
      .select()
      .from(courseMilestones)
      .where(eq(courseMilestones.enrollmentId, enrollmentId));
    expect(milestones.filter((m) => m.percent === 100)).toHaveLength(1);
  }, 60_000);
});
