import { createApiKey } from "@lumen/core/api-keys";
import { saveExercise } from "@lumen/core/exercise";
import { saveQuiz, saveQuizInput } from "@lumen/core/quiz";
import {
  addLessonOfKind,
  createCourse,
  createUser,
  questionsOfEveryKind,
  sumExercise,
  type TestUser,
} from "@lumen/core/testing";
import { createTestApp, type TestApp, WEB_ORIGIN } from "./harness";
import { type Contract, createContract, type OpenApiDocument } from "./v1-contract";

export const V1 = "/api/v1";

/**
 * A test app with a published course (text, video, quiz, exercise and PDF lessons) by an
 * instructor, and a caller that sends every request with a credential and checks every
 * answer against the generated OpenAPI document.
 */
export async function createV1World(overrides: Record<string, string> = {}) {
  const t = await createTestApp(overrides);
  const db = t.database.db;
  const instructor = await createUser(db, "instructor");
  const course = await createCourse(db, instructor, { title: "Contracts 101", listOwner: true });
  const text = await addLessonOfKind(db, course.id, "text");
  const video = await addLessonOfKind(db, course.id, "video", { durationSeconds: 100 });
  const quiz = await addLessonOfKind(db, course.id, "quiz");
  const exercise = await addLessonOfKind(db, course.id, "exercise");
  const pdf = await addLessonOfKind(db, course.id, "pdf");
  const ctx = { db, outbox: t.outbox, user: instructor };
  const savedQuiz = await saveQuiz({
    ...ctx,
    input: saveQuizInput.parse({
      lessonId: quiz.id,
      settings: { passingPercent: 50, maxAttempts: null, requiredForCertificate: true },
      questions: questionsOfEveryKind(),
    }),
  });
  await saveExercise({ ...ctx, input: sumExercise(exercise.id) });
  const doc = (await (await t.app.request(`${V1}/openapi.json`)).json()) as OpenApiDocument;
  const contract = createContract(doc);

  /** A request under /api/v1, its answer validated against the document. */
  async function call(
    method: string,
    path: string,
    {
      token,
      cookie,
      body,
      headers = {},
    }: { token?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const res = await t.app.request(`${V1}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(cookie ? { cookie, origin: WEB_ORIGIN } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const json = await contract.check(method, path.split("?")[0] ?? path, res);
    return { res, status: res.status, body: json };
  }

  async function keyFor(
    user: TestUser,
    scope: "read" | "write" = "write",
    expiresInDays: number | null = null,
  ) {
    const { token, key } = await createApiKey({
      db,
      user,
      input: { name: `${scope} key`, scope, expiresInDays },
    });
    return { token, keyId: key.id };
  }

  /** A fresh learner with a write key. */
  async function learner() {
    const user = await createUser(db);
    const { token } = await keyFor(user);
    return { user, token };
  }

  return {
    t,
    db,
    learner,
    doc,
    contract,
    call,
    keyFor,
    instructor,
    course,
    lessons: { text, video, quiz, exercise, pdf },
    quizQuestions: savedQuiz.questions,
    close: () => t.database.close(),
  };
}

export type V1World = Awaited<ReturnType<typeof createV1World>>;
export type { Contract, TestApp };
