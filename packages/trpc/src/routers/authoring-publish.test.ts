import { updateCourse } from "@lumen/core/authoring";
import { uploadLessonDocument } from "@lumen/core/documents";
import { gradeExerciseSubmission } from "@lumen/core/exercise";
import { type SessionUser, ValidationError } from "@lumen/core/kernel";
import { createUser, questionsOfEveryKind } from "@lumen/core/testing";
import { enrollments, exerciseSubmissions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse, errorOf, jobsFor } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;
let learner: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  learner = await createUser(t.db, "learner");
});
afterAll(() => t.close());

const api = () => t.callerFor(owner).authoring;
// Authoring enqueues indexing only; the index handler purges the edge once it has indexed.
const jobs = (_slug: string) => ["search.index-course"];

describe("publish checklist", () => {
  it("lists exactly what blocks a new course, and publish refuses with that list", async () => {
    const { id: courseId } = await api().createCourse({
      title: "Go",
      category: "Computer Science",
      level: "beginner",
      language: "en",
    });
    const checklist = await api().publishChecklist({ courseId });
    expect(checklist.ready).toBe(false);
    expect(checklist.problems.map((p) => [p.code, p.field])).toEqual([
      ["title_too_short", "title"],
      ["subtitle_missing", "subtitle"],
      ["description_too_short", "description"],
      ["no_modules", "modules"],
      ["no_lessons", "lessons"],
    ]);
    const error = await errorOf(api().publish({ courseId }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ValidationError);
    const cause = error.cause as ValidationError;
    expect(cause.problems).toEqual(checklist.problems);
    expect(cause.fieldErrors.subtitle).toEqual([checklist.problems[1]?.message]);
    expect((await api().getCourse({ courseId })).status).toBe("draft");
    expect(await jobsFor(t.db, courseId)).toEqual([]);
  });

  it("names each empty module and empty text lesson; fixing them makes publish succeed", async () => {
    const c = await buildCourse(t, owner);
    const empty = await api().addModule({ courseId: c.courseId, title: "Later" });
    const blank = await api().addLesson({
      moduleId: c.moduleIds[0] ?? "",
      title: "Blank",
      kind: "text",
    });
    const { problems } = await api().publishChecklist({ courseId: c.courseId });
    expect(problems).toEqual([
      expect.objectContaining({ code: "empty_module", moduleId: empty.moduleId }),
      expect.objectContaining({ code: "empty_text_lesson", lessonId: blank.lessonId }),
    ]);
    expect(problems[0]?.message).toBe(
      "Module “Later” has no lessons. Add a lesson or delete the module.",
    );
    expect((await api().getCourse({ courseId: c.courseId })).publishProblems).toEqual(problems);

    await api().deleteModule({ moduleId: empty.moduleId });
    await api().updateLesson({ lessonId: blank.lessonId, body: "Now with words." });
    expect(await api().publishChecklist({ courseId: c.courseId })).toEqual({
      ready: true,
      problems: [],
    });
    const published = await api().publish({ courseId: c.courseId });
    expect(published).toMatchObject({ status: "published", courseId: c.courseId });
    await expect(t.callerFor(null).catalog.bySlug({ slug: c.slug })).resolves.toMatchObject({
      title: "Practical Python",
    });
  });
});

describe("publish checklist: quizzes and documents", () => {
  it("names each quiz without questions and PDF lesson without a document; filling them makes publish succeed", async () => {
    const c = await buildCourse(t, owner);
    const moduleId = c.moduleIds[1] ?? "";
    const quiz = await api().addLesson({ moduleId, title: "Check", kind: "quiz" });
    const pdf = await api().addLesson({ moduleId, title: "Handout", kind: "pdf" });
    const { problems } = await api().publishChecklist({ courseId: c.courseId });
    expect(problems).toEqual([
      {
        code: "quiz_empty",
        field: "lessons",
        moduleId,
        lessonId: quiz.lessonId,
        message: "Quiz “Check” has no questions. Add at least one before publishing.",
      },
      {
        code: "document_missing",
        field: "lessons",
        moduleId,
        lessonId: pdf.lessonId,
        message: "Upload a PDF for lesson “Handout”.",
      },
    ]);
    expect(await errorOf(api().publish({ courseId: c.courseId }))).toMatchObject({
      code: "BAD_REQUEST",
    });

    const settings = { passingPercent: 70, maxAttempts: null, requiredForCertificate: true };
    // A saved quiz with no questions is still empty.
    await t.callerFor(owner).quiz.save({ lessonId: quiz.lessonId, settings, questions: [] });
    expect((await api().publishChecklist({ courseId: c.courseId })).problems[0]?.code).toBe(
      "quiz_empty",
    );
    await t.callerFor(owner).quiz.save({
      lessonId: quiz.lessonId,
      settings,
      questions: questionsOfEveryKind().slice(0, 1),
    });
    await uploadLessonDocument({
      db: t.db,
      media: t.media,
      user: owner,
      input: { lessonId: pdf.lessonId, filename: "handout.pdf" },
      bytes: new TextEncoder().encode("%PDF-1.7\n%%EOF\n"),
    });
    expect(await api().publishChecklist({ courseId: c.courseId })).toEqual({
      ready: true,
      problems: [],
    });
    expect(await api().publish({ courseId: c.courseId })).toMatchObject({ status: "published" });
  });
});

describe("publish checklist: exercises", () => {
  it("names a failing test of the reference check as hidden or sample by the test, not the run", async () => {
    const c = await buildCourse(t, owner);
    const { lessonId } = await api().addLesson({
      moduleId: c.moduleIds[0] ?? "",
      title: "Sum",
      kind: "exercise",
    });
    await t.callerFor(owner).exercise.save({
      lessonId,
      settings: {
        language: "python",
        style: "stdio",
        functionName: "",
        normalise: "trim",
        tolerance: 0,
        timeLimitMs: 2000,
        memoryMb: 256,
        passingPercent: 100,
        maxAttempts: null,
        requiredForCertificate: true,
      },
      starterCode: "",
      referenceSolution: "print(3)",
      tests: [
        { sample: true, points: 1, input: "1 2", expected: "3" },
        { sample: false, points: 1, input: "5 7", expected: "12" },
      ],
    });
    const [check] = await t.db
      .select({ id: exerciseSubmissions.id })
      .from(exerciseSubmissions)
      .where(eq(exerciseSubmissions.lessonId, lessonId));
    // The grader's view of a reference run: every test graded as a sample, the second wrong.
    await gradeExerciseSubmission({
      db: t.db,
      outbox: t.outbox,
      submissionId: check?.id ?? "",
      grade: async (submission) => ({
        tests: submission.tests.map((test, index) => ({
          id: test.id,
          sample: true,
          verdict: index === 1 ? "WA" : "AC",
          points: index === 1 ? 0 : 1,
          maxPoints: 1,
          timeMs: 5,
          input: "",
          expected: "",
          actual: "3\n",
        })),
        score: 1,
        maxScore: 2,
        passed: false,
      }),
    });
    const { problems } = await api().publishChecklist({ courseId: c.courseId });
    expect(problems).toEqual([
      {
        code: "exercise_reference_failed",
        field: "lessons",
        moduleId: c.moduleIds[0],
        lessonId,
        message:
          "The reference solution of exercise “Sum” fails: test 2 (hidden) gives a wrong answer. Fix the test or the solution and save.",
      },
    ]);
  });
});

describe("catalog jobs (outbox)", () => {
  it("editing a draft enqueues nothing", async () => {
    const c = await buildCourse(t, owner);
    await api().updateCourse({
      courseId: c.courseId,
      expectedUpdatedAt: c.updatedAt,
      title: "Changed",
    });
    expect(await jobsFor(t.db, c.courseId)).toEqual([]);
  });

  it("publish, each edit of the published course and unpublish each enqueue re-indexing", async () => {
    const c = await buildCourse(t, owner);
    const { updatedAt } = await api().publish({ courseId: c.courseId });
    expect(await jobsFor(t.db, c.courseId)).toEqual(jobs(c.slug));

    await api().updateCourse({
      courseId: c.courseId,
      expectedUpdatedAt: updatedAt,
      subtitle: "New",
    });
    await api().addLesson({ moduleId: c.moduleIds[1] ?? "", title: "More", kind: "text" });
    await api().reorderModules({ courseId: c.courseId, moduleIds: [...c.moduleIds].reverse() });
    await api().renameModule({ moduleId: c.moduleIds[0] ?? "", title: "Start" });
    expect(await jobsFor(t.db, c.courseId)).toEqual(Array(5).fill(jobs(c.slug)).flat());

    await api().unpublish({ courseId: c.courseId });
    expect(await jobsFor(t.db, c.courseId)).toEqual(Array(6).fill(jobs(c.slug)).flat());
    expect((await api().getCourse({ courseId: c.courseId })).status).toBe("draft");
    // Unpublishing again, or editing the draft now, tells the catalog nothing new.
    await api().unpublish({ courseId: c.courseId });
    await api().renameModule({ moduleId: c.moduleIds[0] ?? "", title: "Begin" });
    expect(await jobsFor(t.db, c.courseId)).toHaveLength(6);
  });

  it("an edit whose transaction rolls back leaves no job", async () => {
    const c = await buildCourse(t, owner);
    const { updatedAt } = await api().publish({ courseId: c.courseId });
    class Rollback extends Error {}
    const attempt = t.db.transaction(async (tx) => {
      await updateCourse({
        db: tx,
        outbox: t.outbox,
        user: owner,
        input: { courseId: c.courseId, expectedUpdatedAt: updatedAt, title: "Rolled back" },
      });
      throw new Rollback();
    });
    await expect(attempt).rejects.toBeInstanceOf(Rollback);
    expect(await jobsFor(t.db, c.courseId)).toEqual(jobs(c.slug));
    expect((await api().getCourse({ courseId: c.courseId })).title).toBe("Practical Python");
  });
});

describe("publish and unpublish", () => {
  it("re-publishing keeps the first publish date and the slug; updatedAt only moves forward", async () => {
    const c = await buildCourse(t, owner);
    const first = await api().publish({ courseId: c.courseId });
    const again = await api().publish({ courseId: c.courseId });
    expect(again).toEqual(first);
    const down = await api().unpublish({ courseId: c.courseId });
    const back = await api().publish({ courseId: c.courseId });
    expect(back.publishedAt).toBe(first.publishedAt);
    expect([first.updatedAt < down.updatedAt, down.updatedAt < back.updatedAt]).toEqual([
      true,
      true,
    ]);
    expect((await api().getCourse({ courseId: c.courseId })).slug).toBe(c.slug);
  });

  it("existing enrollments survive unpublishing", async () => {
    const c = await buildCourse(t, owner);
    await api().publish({ courseId: c.courseId });
    const { enrollmentId } = await t.callerFor(learner).enrollment.enroll({ courseId: c.courseId });
    await api().unpublish({ courseId: c.courseId });
    const [row] = await t.db.select().from(enrollments).where(eq(enrollments.id, enrollmentId));
    expect(row).toMatchObject({ courseId: c.courseId, userId: learner.id, unenrolledAt: null });
  });
});
