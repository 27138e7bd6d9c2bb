import { z } from "zod";
import { languageNames } from "./languages";

const MiB = 1024 * 1024;

/** Hard ceilings of the design (DESIGN.md §2.4: 10 s); an exercise picks values under them. */
export const limitsSchema = z.object({
  /** Wall clock of the whole sandbox, start-up included (see START_GRACE_MS in run.ts). */
  timeMs: z.number().int().min(100).max(10_000).default(2_000),
  memoryMb: z.number().int().min(32).max(2_048).default(256),
  /** Each of stdout and stderr; one byte more is an output_limit. */
  outputBytes: z
    .number()
    .int()
    .min(1)
    .max(16 * MiB)
    .default(64 * 1024),
  /** Tasks inside the sandbox (RLIMIT_NPROC): threads count, and Node starts about a dozen. */
  processes: z.number().int().min(1).max(256).default(32),
  /** Largest file the program may write (RLIMIT_FSIZE). */
  fileBytes: z
    .number()
    .int()
    .min(0)
    .max(256 * MiB)
    .default(8 * MiB),
});

/** A relative path of plain segments: no "..", no absolute paths, no odd characters. */
export const filePath = z
  .string()
  .max(200)
  .regex(
    /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/,
    "plain relative path",
  );

export const runRequestSchema = z
  .object({
    language: z.enum(languageNames),
    files: z
      .record(filePath, z.string().max(MiB))
      .refine((files) => Object.keys(files).length <= 64, "at most 64 files"),
    /** The file the language's runtime runs; must be one of `files`. */
    entry: filePath,
    args: z.array(z.string().max(1_000)).max(32).default([]),
    stdin: z
      .string()
      .max(16 * MiB)
      .default(""),
    limits: limitsSchema.default(limitsSchema.parse({})),
  })
  .refine((request) => request.entry in request.files, {
    message: "entry must be one of files",
    path: ["entry"],
  });

export type RunRequest = z.input<typeof runRequestSchema>;
export type ParsedRunRequest = z.output<typeof runRequestSchema>;
export type Limits = z.output<typeof limitsSchema>;

export type RunStatus = "ok" | "time_limit" | "memory_limit" | "output_limit" | "runtime_error";

export interface RunResult {
  status: RunStatus;
  /** The program's exit code; null when a signal ended it or the sandbox was killed. */
  exitCode: number | null;
  /** The signal that ended the program (e.g. "SIGKILL"), else null. */
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Wall clock from spawning runsc to its exit, sandbox start-up included. */
  timeMs: number;
  /** Peak memory of the whole sandbox (runtime, gVisor's kernel and gofer), from its cgroup. */
  memoryKb?: number;
}
