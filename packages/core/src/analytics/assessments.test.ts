import {
  appendLessons,
  createAssignmentSubmission,
  createCourse,
  createExerciseSubmission,
  createQuizRollup,
  createRollupLearner,
  createUser,
} from "@lumen/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, type SessionUser } from "../kernel";
import { saveQuiz, saveQuizInput } from "../quiz";
import { createTestWorld, questionsOfEveryKind, type TestWorld } from "../testing";
import { getAssessmentsOverview, getQuizAnalytics } from "./assessments";
import type { CsvCell } from "./csv";
import { openAnalyticsExport } from "./export";
import { discrimination } from "./quiz-analytics";

let world: TestWorld;
let instructor: SessionUser;
let courseId: string;
let quizId: string;
let videoId: string;
let exerciseId: string;
let assignmentId: string;
let questionIds: string[];
beforeAll(async () => {
  world = await createTestWorld();
  instructor = await createUser(world.db, "instructor");
  courseId = (await createCourse(world.db, instructor)).id;
  [videoId = "", quizId = "", exerciseId = "", assignmentId = ""] = await appendLessons(
    world.db,
    courseId,
    instructor,
    [{ kind: "video" }, { kind: "quiz" }, { kind: "exercise" }, { kind: "assignment" }],
  );
  const saved = await saveQuiz({
    db: world.db,
    user: instructor,
    outbox: world.outbox,
    input: saveQuizInput.parse({
      lessonId: quizId,
      settings: { passingPercent: 80, maxAttempts: null, requiredForCertificate: true },
      questions: questionsOfEveryKind(),
    }),
  });
  questionIds = saved.questions.map((q) => q.id);
  const [single = "", multiple = "", trueFalse = ""] = questionIds;
  await createQuizRollup(world.db, quizId, {
    scores: [
      // Scores 20, 25, 28 | 50, 52, 55, 59 | 90, 96 | 100.
      { band: 2, attempts: 3, scoreSum: 73 },
      { band: 5, attempts: 4, scoreSum: 216 },
      { band: 9, attempts: 2, passed: 2, scoreSum: 186 },
      { band: 10, attempts: 1, passed: 1, scoreSum: 100 },
    ],
    questions: [
      { questionId: single, band: 2, attempts: 3, correct: 0 },
      { questionId: single, band: 5, attempts: 4, correct: 2 },
      { questionId: single, band: 9, attempts: 2, correct: 2 },
      { questionId: single, band: 10, attempts: 1, correct: 1 },
      { questionId: multiple, band: 5, attempts: 10, correct: 4 },
    ],
    options: [
      { questionId: single, optionId: "lyon", chosen: 4 },
      { questionId: single, optionId: "paris", chosen: 5 },
      { questionId: multiple, optionId: "two", chosen: 6 },
      { questionId: multiple, optionId: "three", chosen: 5 },
      { questionId: multiple, optionId: "four", chosen: 3 },
      { questionId: trueFalse, optionId: "true", chosen: 2 },
      { questionId: trueFalse, optionId: "false", chosen: 8 },
    ],
  });
});
afterAll(() => world.close());

describe("discrimination", () => {
  it("compares the lowest and highest bands holding at least 27 % of attempts each", () => {
    const bands = [
      { band: 2, attempts: 3, correct: 0 },
      { band: 5, attempts: 4, correct: 2 },
      { band: 9, attempts: 2, correct: 2 },
      { band: 10, attempts: 1, correct: 1 },
    ];
    // Bottom: band 2 (3 of 10). Top: bands 10 and 9 (3 of 10), all correct.
    expect(discrimination(bands)).toBe(1);
    expect(discrimination([{ band: 4, attempts: 0, correct: 0 }])).toBeNull();
  });
});

describe("quiz analytics", () => {
  it("gives the score distribution and per question difficulty, discrimination and wrong options", async () => {
    const quiz = await getQuizAnalytics({
      db: world.db,
      user: instructor,
      input: { courseId, lessonId: quizId },
    });
    expect(quiz).toMatchObject({
      lessonId: quizId,
      attempts: 10,
      passRate: 0.3,
      averageScore: 57.5, // (73 + 216 + 186 + 100) / 10: the mean of the scores, exactly
      passingPercent: 80,
      scoreBands: [0, 0, 3, 0, 0, 4, 0, 0, 0, 2, 1],
    });
    const [single, multiple, trueFalse, numeric] = quiz.questions;
    expect(single).toMatchObject({
      position: 1,
      kind: "single_choice",
      prompt: "Which city is the capital of France?",
      attempts: 10,
      difficulty: 0.5,
      discrimination: 1,
      mostChosenWrong: { optionId: "lyon", text: "Lyon", chosen: 4, share: 0.4 },
      options: [
        { optionId: "lyon", text: "Lyon", correct: false, chosen: 4 },
        { optionId: "paris", text: "Paris", correct: true, chosen: 5 },
      ],
    });
    // Everyone in one band: both groups are that band, so the question separates nobody.
    expect(multiple).toMatchObject({ difficulty: 0.4, discrimination: 0 });
    expect(multiple?.mostChosenWrong).toMatchObject({ optionId: "four", chosen: 3 });
    expect(trueFalse?.options).toEqual([
      { optionId: "true", text: "True", correct: false, chosen: 2 },
      { optionId: "false", text: "False", correct: true, chosen: 8 },
    ]);
    expect(trueFalse?.mostChosenWrong).toMatchObject({ optionId: "true", chosen: 2 });
    expect(numeric).toMatchObject({
      attempts: 0,
      difficulty: null,
      discrimination: null,
      mostChosenWrong: null,
      options: [],
    });
  });

  it("refuses a lesson that is not a quiz of this course (404)", async () => {
    const read = (lessonId: string, course = courseId) =>
      getQuizAnalytics({ db: world.db, user: instructor, input: { courseId: course, lessonId } });
    await expect(read(videoId)).rejects.toThrow("That lesson is not a quiz lesson.");
    const other = await createCourse(world.db, instructor);
    await expect(read(quizId, other.id)).rejects.toThrow(NotFoundError);
  });
});

describe("assessments overview", () => {
  it("summarizes quizzes, exercise verdicts, assignment grades and the review backlog", async () => {
    const learners = [];
    for (let i = 0; i < 4; i++) learners.push(await createRollupLearner(world.db, courseId));
    const [a, b, c, d] = learners.map((l) => ({ ...l, lessonId: exerciseId }));
    if (!a || !b || !c || !d) throw new Error("four learners");
    const submit = createExerciseSubmission.bind(null, world.db);
    await submit({ ...a, attemptNumber: 1, verdicts: ["AC", "WA"] });
    await submit({ ...a, attemptNumber: 2, passed: true });
    await submit({ ...b, attemptNumber: 1, compileError: "SyntaxError", verdicts: [] });
    await submit({ ...b, attemptNumber: 2, verdicts: ["AC", "TLE"] });
    await submit({ ...c, attemptNumber: 1, verdicts: ["RE"] });
    await submit({ ...d, attemptNumber: 1, graded: false });
    const work = (l: { userId: string; enrollmentId: string }, extra = {}) =>
      createAssignmentSubmission(world.db, {
        userId: l.userId,
        enrollmentId: l.enrollmentId,
        lessonId: assignmentId,
        cohort: courseId,
        ...extra,
      });
    await work(a, { gradePercent: 85 });
    await work(b, { gradePercent: 100 });
    await work(c, { status: "in_review" });
    await work(d, { status: "needs_staff" });

    const result = await getAssessmentsOverview({
      db: world.db,
      user: instructor,
      input: { courseId },
    });

    expect(result.quizzes).toHaveLength(1);
    expect(result.quizzes[0]).toMatchObject({ lessonId: quizId, attempts: 10, passRate: 0.3 });
    expect(result.exercises).toEqual([
      {
        lessonId: exerciseId,
        title: "exercise 3",
        learners: 4,
        submissions: 6,
        passRate: 0.2, // 1 of 5 graded
        verdicts: { passed: 1, failed: 1, error: 2, timeout: 1 },
      },
    ]);
    expect(result.assignments).toEqual([
      {
        lessonId: assignmentId,
        title: "assignment 4",
        submitted: 4,
        graded: 2,
        gradeBands: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1],
        backlog: { awaitingReviews: 1, awaitingGrade: 1 },
      },
    ]);

    // The same tables as CSV exports: one row per lesson, every verdict and band a column.
    const exported = async (table: string) => {
      const sheet = await openAnalyticsExport({
        db: world.db,
        user: instructor,
        courseId,
        table,
        query: {},
      });
      const rows: CsvCell[][] = [];
      for await (const row of sheet.rows) rows.push(row);
      return Object.fromEntries(sheet.columns.map((c, i) => [c, rows.map((r) => r[i])]));
    };
    expect(await exported("exercises")).toEqual({
      lesson_id: [exerciseId],
      exercise: ["exercise 3"],
      learners: [4],
      submissions: [6],
      pass_rate: [0.2],
      graded_passed: [1],
      graded_failed: [1],
      graded_error: [2],
      graded_timeout: [1],
    });
    const assignments = await exported("assignments");
    expect(assignments).toMatchObject({
      lesson_id: [assignmentId],
      submitted: [4],
      graded: [2],
      band_80_89: [1],
      band_90_99: [0],
      band_100: [1],
      awaiting_reviews: [1],
      awaiting_grade: [1],
    });
    expect(Object.keys(assignments).filter((c) => c.startsWith("band_"))).toHaveLength(11);
  });
});
