import { z } from "zod";
import { id, multiLine, singleLine } from "../kernel";

/** Input schemas of the assignment procedures; messages are shown next to the form field. */

export const CRITERIA_MAX = 10;
export const LEVELS_MIN = 2;
export const LEVELS_MAX = 6;
export const EXAMPLES_MAX = 3;
/** A submission's text: 50,000 characters is a long essay; files carry anything bigger. */
export const SUBMISSION_MAX = 50_000;
export const COMMENT_MAX = 5_000;

const level = z.object({
  id: id("levelId"),
  label: singleLine({ label: "Level name", max: 80 }).pipe(z.string().min(1, "Name every level.")),
  description: multiLine({ label: "Level description", max: 1_000 }).default(""),
  points: z
    .number({ error: "Points must be a number." })
    .int("Points must be a whole number.")
    .min(0, "Points cannot be negative.")
    .max(100, "A level is worth at most 100 points."),
});

const criterion = z.object({
  id: id("criterionId"),
  title: singleLine({ label: "Criterion", max: 120 }).pipe(
    z.string().min(1, "Name every criterion."),
  ),
  description: multiLine({ label: "Criterion description", max: 2_000 }).default(""),
  commentRequired: z.boolean().default(false),
  levels: z
    .array(level)
    .min(LEVELS_MIN, `Each criterion needs at least ${LEVELS_MIN} levels.`)
    .max(LEVELS_MAX, `A criterion can have at most ${LEVELS_MAX} levels.`),
});

export const rubricInput = z
  .array(criterion)
  .max(CRITERIA_MAX, `A rubric can have at most ${CRITERIA_MAX} criteria.`);

const score = z.object({
  criterionId: id("criterionId"),
  levelId: id("levelId"),
  comment: multiLine({ label: "Comment", max: COMMENT_MAX }).default(""),
});
/** A grade by rubric: one level chosen per criterion. Checked against the rubric by `scoreByRubric`. */
export const scoresInput = z.array(score).max(CRITERIA_MAX);
export type ScoresInput = z.output<typeof scoresInput>;

const optionalDate = z
  .union([z.iso.datetime({ offset: true, error: "Enter a valid date and time." }), z.null()])
  .transform((v) => (v === null ? null : new Date(v)));

export const assignmentSettings = z.object({
  allowAttachments: z.boolean(),
  reviewsToGive: z.number().int().min(0, "Cannot be negative.").max(10, "At most 10."),
  reviewsNeeded: z
    .number()
    .int()
    .min(1, "Each submission needs at least one review.")
    .max(10, "At most 10."),
  dueAt: optionalDate,
  reviewWindowHours: z
    .number()
    .int()
    .min(1, "The review window is at least an hour.")
    .max(8760, "The review window is at most a year."),
  reviewsCloseAt: optionalDate,
  leaseMinutes: z
    .number()
    .int()
    .min(5, "A reviewer needs at least 5 minutes.")
    .max(10080, "A lease lasts at most a week."),
  fallback: z.enum(["grade_available", "staff"]),
  weightByCalibration: z.boolean(),
  passingPercent: z.number().int().min(0).max(100, "Between 0 and 100."),
  requiredForCertificate: z.boolean(),
});
export type AssignmentSettings = z.output<typeof assignmentSettings>;
export type AssignmentSettingsInput = z.input<typeof assignmentSettings>;

const example = z.object({
  id: id("exampleId").optional(),
  body: multiLine({ label: "Example submission", max: SUBMISSION_MAX }).pipe(
    z.string().min(1, "Write the example submission."),
  ),
  scores: scoresInput,
});

export const saveAssignmentInput = z.object({
  lessonId: id("lessonId"),
  settings: assignmentSettings,
  rubric: rubricInput,
  examples: z.array(example).max(EXAMPLES_MAX, `At most ${EXAMPLES_MAX} calibration examples.`),
});
export type SaveAssignmentInput = z.output<typeof saveAssignmentInput>;

export const assignmentLessonInput = z.object({ lessonId: id("lessonId") });

export const submitWorkInput = z.object({
  lessonId: id("lessonId"),
  body: multiLine({
    label: "Your submission",
    max: SUBMISSION_MAX,
    tooLong: "Your submission can be at most 50,000 characters. Attach a file for longer work.",
  }),
});
export type SubmitWorkInput = z.output<typeof submitWorkInput>;

export const submitReviewInput = z.object({ reviewId: id("reviewId"), scores: scoresInput });
export type SubmitReviewInput = z.output<typeof submitReviewInput>;

export const calibrateInput = z.object({ exampleId: id("exampleId"), scores: scoresInput });

export const flagReviewInput = z.object({
  reviewId: id("reviewId"),
  reason: multiLine({ label: "Reason", max: 2_000 }).pipe(
    z.string().min(1, "Say what is unfair about this review."),
  ),
});

export const staffGradeInput = z.object({
  submissionId: id("submissionId"),
  scores: scoresInput,
  note: multiLine({ label: "Note to the learner", max: COMMENT_MAX }).default(""),
});

export const resolveFlagInput = z.object({ reviewId: id("reviewId") });
export const submissionIdInput = z.object({ submissionId: id("submissionId") });
