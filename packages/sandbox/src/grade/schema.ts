import { z } from "zod";
import { languageNames } from "../languages";
import { filePath } from "../request";

const MiB = 1024 * 1024;

/** Absolute and relative tolerance: numbers are equal when either bound holds. */
const toleranceSchema = z.object({
  absolute: z.number().min(0).default(0),
  relative: z.number().min(0).default(0),
});

const testBase = {
  id: z.string().min(1).max(100),
  points: z.number().int().min(0).max(1_000).default(1),
  /** The program's own time, sandbox start-up excluded (see judgeRun). */
  timeMs: z.number().int().min(100).max(10_000).default(2_000),
  memoryMb: z.number().int().min(32).max(2_048).default(256),
  /** Samples are shown to the learner with their input, expected and actual output. */
  sample: z.boolean().default(false),
};

export const stdioTestSchema = z.object({
  ...testBase,
  kind: z.literal("stdio"),
  stdin: z
    .string()
    .max(16 * MiB)
    .default(""),
  expectedStdout: z.string().max(16 * MiB),
  /** exact; trim (trailing whitespace of each line, trailing newlines); tokens; numeric. */
  normalise: z.enum(["exact", "trim", "tokens", "numeric"]).default("trim"),
  tolerance: toleranceSchema.default({ absolute: 1e-6, relative: 1e-6 }),
});

export const functionTestSchema = z.object({
  ...testBase,
  kind: z.literal("function"),
  /** The learner's function, an identifier in both languages. */
  name: z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/, "an identifier"),
  args: z.array(z.json()).max(64),
  expected: z.json(),
  /** Numbers anywhere in the result compare within it; absent: exactly. */
  tolerance: toleranceSchema.optional(),
});

export const gradeTestSchema = z.discriminatedUnion("kind", [stdioTestSchema, functionTestSchema]);

/** Our harness files sit next to the learner's; a learner cannot replace them. */
export const HARNESS_PREFIX = "_lumen_";

export const submissionSchema = z
  .object({
    language: z.enum(languageNames),
    files: z
      .record(filePath, z.string().max(MiB))
      .refine((files) => Object.keys(files).length <= 64, "at most 64 files")
      .refine(
        (files) => Object.keys(files).every((name) => !name.startsWith(HARNESS_PREFIX)),
        `file names starting with ${HARNESS_PREFIX} are reserved`,
      ),
    /** The learner's main file: run for stdio tests, loaded for function tests. */
    entry: filePath,
    tests: z.array(gradeTestSchema).min(1).max(100),
    /** Points needed to pass; the maximum score when absent. */
    passingScore: z.number().min(0).optional(),
  })
  .refine((submission) => submission.entry in submission.files, {
    message: "entry must be one of files",
    path: ["entry"],
  })
  .refine((s) => new Set(s.tests.map((t) => t.id)).size === s.tests.length, {
    message: "test ids must be unique",
    path: ["tests"],
  });

export type Submission = z.input<typeof submissionSchema>;
export type ParsedSubmission = z.output<typeof submissionSchema>;
export type GradeTest = z.output<typeof gradeTestSchema>;
export type Tolerance = z.output<typeof toleranceSchema>;
export type Normalisation = z.output<typeof stdioTestSchema>["normalise"];
