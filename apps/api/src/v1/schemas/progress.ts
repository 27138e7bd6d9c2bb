import { z } from "@hono/zod-openapi";
import { pageFields, pageQuery } from "../pagination";
import { timestamp } from "./common";

export const CertificateSchema = z
  .object({
    id: z.uuid(),
    course_id: z.uuid(),
    course_slug: z.string(),
    course_title: z.string(),
    learner_name: z.string(),
    issued_at: timestamp,
    verify_url: z.string().openapi({ description: "The public verification page at the edge." }),
    pdf_url: z.string().nullable(),
    revoked_at: timestamp.nullable(),
    revoked_reason: z.string().nullable(),
  })
  .openapi("Certificate");

const milestone = z.union([z.literal(25), z.literal(50), z.literal(75), z.literal(100)]);

export const CourseProgressSchema = z
  .object({
    enrollment_id: z.uuid(),
    course_id: z.uuid(),
    percent: z.number().int().min(0).max(100),
    completed_required: z.number().int(),
    required_lessons: z.number().int(),
    assessments_to_pass: z.number().int(),
    lessons: z.array(
      z.object({
        lesson_id: z.uuid(),
        completed: z.boolean(),
        completed_at: timestamp.nullable(),
        watched_seconds: z.number(),
        position_seconds: z.number(),
        best_percent: z.number().nullable(),
        assessment_passed: z.boolean().nullable(),
        assignment_status: z.enum(["submitted", "in_review", "graded", "needs_staff"]).nullable(),
      }),
    ),
    resume_lesson_id: z.uuid().nullable(),
    last_activity_at: timestamp.nullable(),
    milestones: z.array(milestone),
    // A union, not .nullable(): the generator would AND null with the $ref (never valid).
    certificate: z.union([CertificateSchema, z.null()]),
  })
  .openapi("CourseProgress");

export const LearnersQuery = z.object({
  query: z.string().max(200).default("").openapi({ description: "Match on name or email." }),
  ...pageQuery({ defaultSize: 25, maxSize: 100 }),
});

export const CourseLearnersPage = z
  .object({
    items: z.array(
      z.object({
        user_id: z.string(),
        name: z.string(),
        email: z.string(),
        enrollment_id: z.uuid(),
        enrolled_at: timestamp,
        percent: z.number().int(),
        completed_required: z.number().int(),
        last_activity_at: timestamp.nullable(),
        quizzes_passed: z.number().int(),
        certificate: z.object({ id: z.uuid(), revoked_at: timestamp.nullable() }).nullable(),
      }),
    ),
    ...pageFields,
    required_lessons: z.number().int(),
    distribution: z
      .array(z.number().int())
      .openapi({ description: "Learners per 10 %-wide band of completion (index 10: finished)." }),
  })
  .openapi("CourseLearnersPage");

/** `PUT /progress/…`: the SPA's progress event, minus what the server fills in. */
export const ProgressBody = z
  .object({
    watched_seconds: z
      .number()
      .min(0)
      .max(86_400)
      .openapi({ description: "The playback position in the lesson, in seconds." }),
    completed: z.boolean().openapi({
      description: "Explicit completion (text, PDF lessons); video completes at 90 % coverage.",
    }),
    watched: z
      .array(z.tuple([z.number().min(0).max(86_400), z.number().min(0).max(86_400)]))
      .optional()
      .openapi({
        description:
          "Optional `[start, end]` intervals of the video played since the last call, credited as coverage.",
      }),
  })
  .openapi("ProgressUpdate");

export const ProgressResult = z
  .object({
    enrollment_id: z.uuid(),
    lesson_id: z.uuid(),
    lesson: z
      .object({ watched_seconds: z.number(), clamped_seconds: z.number() })
      .nullable()
      .openapi({ description: "Seconds of the video now covered, and seconds not credited." }),
    course: z.object({
      course_id: z.uuid(),
      percent: z.number().int(),
      completed_required: z.number().int(),
      required_lessons: z.number().int(),
      new_milestones: z.array(milestone),
    }),
  })
  .openapi("ProgressResult");
