import { z } from "@hono/zod-openapi";
import { languageNames } from "@lumen/sandbox";
import { timestamp } from "./common";

const response = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("choice"), option_ids: z.array(z.string()) }),
    z.object({ kind: z.literal("boolean"), value: z.boolean() }),
    z.object({ kind: z.literal("number"), value: z.number() }),
    z.object({ kind: z.literal("text"), value: z.string() }),
  ])
  .openapi("QuizResponse");

export const QuizSubmission = z
  .object({
    answers: z
      .array(z.object({ question_id: z.uuid(), response }))
      .openapi({ description: "Unanswered questions may be left out; they score 0." }),
  })
  .openapi("QuizSubmission", { description: "For quiz lessons." });

export const ExerciseSubmission = z
  .object({
    code: z.string(),
    language: z.enum(languageNames).openapi({ description: "Must be the exercise's language." }),
  })
  .openapi("ExerciseSubmission", { description: "For programming exercise lessons." });

export const AssessmentSubmission = z
  .union([QuizSubmission, ExerciseSubmission])
  .openapi("AssessmentSubmission", {
    description: "`{answers}` for a quiz lesson, `{code, language}` for an exercise lesson.",
  });

export const QuizResult = z
  .object({
    score: z
      .number()
      .int()
      .min(0)
      .max(100)
      .openapi({ description: "This attempt's score in percent." }),
    passed: z.boolean().openapi({ description: "Whether the quiz is passed (by any attempt)." }),
    attempt: z.object({
      attempt_id: z.uuid(),
      attempt_number: z.number().int(),
      score_points: z.number(),
      max_points: z.number(),
      score_percent: z.number(),
      passed: z.boolean(),
      submitted_at: timestamp,
      feedback: z.array(
        z.object({
          question_id: z.uuid(),
          correct: z.boolean(),
          points_awarded: z.number(),
          points: z.number(),
          explanation: z.string(),
        }),
      ),
    }),
    attempts_left: z.number().int().nullable(),
    best_percent: z.number(),
  })
  .openapi("QuizResult");

export const JobQueued = z
  .object({
    job_id: z.uuid(),
    status: z.enum(["queued", "grading", "graded"]),
  })
  .openapi("JobQueued");

const verdict = z.enum(["AC", "WA", "TLE", "MLE", "RE", "CE", "OLE"]);

export const JobSchema = z
  .object({
    job_id: z.uuid(),
    purpose: z.enum(["submit", "samples", "reference"]),
    status: z.enum(["queued", "grading", "graded"]),
    attempt_number: z.number().int().nullable(),
    language: z.enum(languageNames),
    created_at: timestamp,
    graded_at: timestamp.nullable(),
    score_points: z.number().nullable(),
    max_points: z.number().nullable(),
    score_percent: z.number().nullable(),
    passed: z.boolean().nullable(),
    verdict: verdict.nullable(),
    compile_error: z.string().nullable(),
    tests: z.array(
      z.object({
        position: z.number().int(),
        hidden: z.boolean(),
        sample: z.boolean(),
        verdict,
        points: z.number(),
        max_points: z.number(),
        time_ms: z.number(),
        memory_kb: z.number().optional(),
        input: z.string().optional(),
        expected: z.string().optional(),
        actual: z.string().optional(),
        message: z.string().optional(),
      }),
    ),
    waiting_reason: z.string().nullable(),
  })
  .openapi("Job", { description: "A graded code submission, followed to its verdict." });
