import { randomUUID } from "node:crypto";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { assertCanWatchLesson } from "@lumen/core/access";
import { getSubmission, submitCode, submitCodeInput, takeExercise } from "@lumen/core/exercise";
import { submitQuiz, submitQuizInput } from "@lumen/core/quiz";
import type { V1Env } from "../context";
import type { V1Deps } from "../deps";
import { validationProblem } from "../errors";
import { ProblemError } from "../problem";
import {
  AssessmentSubmission,
  ExerciseSubmission,
  JobQueued,
  JobSchema,
  QuizResult,
  QuizSubmission,
} from "../schemas/assessments";
import {
  AUTH_PROBLEMS,
  headers,
  IdempotencyHeaders,
  NOT_MODIFIED,
  problems,
  uuid,
  WRITE_PROBLEMS,
} from "../schemas/common";
import { toWire } from "../wire";
import type { Guards } from "./guards";

/** The lesson kinds this endpoint grades; any other is a 422 that names them. */
export const ASSESSMENT_KINDS = ["quiz", "exercise"] as const;

const submit = (guards: Guards) =>
  createRoute({
    method: "post",
    path: "/assessments/{quiz_id}/submit",
    tags: ["Assessments"],
    operationId: "submitAssessment",
    summary: "Submit a quiz or an exercise",
    description:
      "`quiz_id` is the lesson id. A quiz is scored at once (200); a programming exercise is queued for grading (202) and followed at `GET /jobs/{job_id}`. Other lesson kinds answer 422.",
    middleware: guards.write,
    request: {
      params: z.object({ quiz_id: uuid("quiz_id") }),
      headers: IdempotencyHeaders,
      body: { required: true, content: { "application/json": { schema: AssessmentSubmission } } },
    },
    responses: {
      200: {
        description: "The quiz attempt, scored.",
        content: { "application/json": { schema: QuizResult } },
      },
      202: {
        description: "The code is queued for grading.",
        headers: { Location: headers.location },
        content: { "application/json": { schema: JobQueued } },
      },
      ...problems(404, ...WRITE_PROBLEMS),
    },
  });

const job = (guards: Guards) =>
  createRoute({
    method: "get",
    path: "/jobs/{job_id}",
    tags: ["Assessments"],
    operationId: "getJob",
    summary: "A grading job",
    description: "The state and verdict of a code submission; only its submitter sees it.",
    middleware: guards.read,
    request: { params: z.object({ job_id: uuid("job_id") }) },
    responses: {
      200: {
        description: "The submission.",
        headers: { ETag: headers.etag },
        content: { "application/json": { schema: JobSchema } },
      },
      ...problems(403, 404, 422, ...AUTH_PROBLEMS),
      ...NOT_MODIFIED,
    },
  });

function wrongShape(kind: string, expected: string): ProblemError {
  return new ProblemError(
    "validation",
    `This lesson is ${kind === "quiz" ? "a quiz" : "an exercise"}: send ${expected}.`,
    {
      errors: [{ pointer: "#", detail: `Expected ${expected}.` }],
    },
  );
}

export function assessmentRoutes(
  deps: Pick<V1Deps, "db" | "outbox" | "media" | "analytics">,
  guards: Guards,
) {
  const { db, outbox, analytics } = deps;
  return new OpenAPIHono<V1Env>()
    .openapi(submit(guards), async (c) => {
      const { user } = c.get("principal");
      const { quiz_id: lessonId } = c.req.valid("param");
      const body = c.req.valid("json");
      // The same access check every lesson call starts with; it also says the lesson's kind.
      const lesson = await assertCanWatchLesson(db, user, lessonId);
      if (lesson.kind === "quiz") {
        const quiz = QuizSubmission.safeParse(body);
        if (!quiz.success) throw wrongShape("quiz", "`{answers: [...]}`");
        const input = submitQuizInput.safeParse({
          lessonId,
          attemptId: randomUUID(),
          answers: quiz.data.answers.map(({ question_id, response }) => ({
            questionId: question_id,
            response:
              response.kind === "choice"
                ? { kind: "choice", optionIds: response.option_ids }
                : response,
          })),
        });
        if (!input.success) throw validationProblem(input.error, "");
        const result = await submitQuiz({ db, user, outbox, input: input.data });
        if (!result.replayed) analytics?.request();
        return c.json(toWire(QuizResult, { ...result, score: result.attempt.scorePercent }), 200);
      }
      if (lesson.kind === "exercise") {
        const exercise = ExerciseSubmission.safeParse(body);
        if (!exercise.success) throw wrongShape("exercise", "`{code, language}`");
        const taken = await takeExercise({ ...deps, user, input: { lessonId } });
        if (taken.language.name !== exercise.data.language) {
          throw new ProblemError(
            "validation",
            `This exercise is written in ${taken.language.label}.`,
            {
              errors: [{ pointer: "#/language", detail: `Use ${taken.language.name}.` }],
            },
          );
        }
        const input = submitCodeInput.safeParse({
          lessonId,
          submissionId: randomUUID(),
          purpose: "submit",
          code: exercise.data.code,
        });
        if (!input.success) throw validationProblem(input.error, "");
        const { submission } = await submitCode({ db, user, outbox, input: input.data });
        c.header("Location", `/api/v1/jobs/${submission.submissionId}`);
        return c.json({ job_id: submission.submissionId, status: submission.status }, 202);
      }
      throw new ProblemError(
        "validation",
        `This lesson is a ${lesson.kind} lesson; only ${ASSESSMENT_KINDS.join(" and ")} lessons take submissions.`,
        { accepted_kinds: [...ASSESSMENT_KINDS] },
      );
    })
    .openapi(job(guards), async (c) => {
      const { user } = c.get("principal");
      const { job_id } = c.req.valid("param");
      const submission = await getSubmission({ db, user, input: { submissionId: job_id } });
      return c.json(toWire(JobSchema, { ...submission, jobId: submission.submissionId }), 200);
    });
}
