import { gradeExerciseSubmission } from "@lumen/core/exercise";
import type { Database } from "@lumen/db";
import { gradeSubmissionJob, handleJob, type Outbox } from "@lumen/jobs";
import {
  gradeSubmission,
  SandboxFailedError,
  type SandboxOptions,
  SandboxUnavailableError,
} from "@lumen/sandbox";
import type { Logger } from "../logger";

/** Seconds a submission waits before its next round of attempts once a round ran out. */
export const GRADE_REQUEUE_SECONDS = 60;

/**
 * Grades a submission in the sandbox with its own bounded concurrency (GRADER_CONCURRENCY).
 * Registered only on runners whose sandbox passed its start-up check, so code never runs
 * unsandboxed. When the sandbox fails anyway (runsc removed, cgroups gone), the job throws and
 * is retried; if its last attempt fails too, a fresh job is queued for later, so an
 * acknowledged submission is never dropped: it waits, queued, until a sandbox can grade it.
 */
export function gradeSubmissionHandler({
  db,
  outbox,
  logger,
  concurrency,
  sandbox = {},
}: {
  db: Database;
  outbox: Outbox;
  logger: Pick<Logger, "info" | "warn">;
  concurrency: number;
  sandbox?: SandboxOptions;
}) {
  return handleJob(
    gradeSubmissionJob,
    async ({ submissionId }, { finalAttempt }) => {
      try {
        const outcome = await gradeExerciseSubmission({
          db,
          outbox,
          submissionId,
          grade: (submission) => gradeSubmission(submission, sandbox),
        });
        logger.info("submission graded", { submissionId, outcome });
      } catch (error) {
        if (finalAttempt) {
          await db.transaction((tx) =>
            outbox.enqueue(
              tx,
              gradeSubmissionJob,
              { submissionId },
              { startAfter: GRADE_REQUEUE_SECONDS },
            ),
          );
          logger.warn("grading failed on every attempt; the submission waits for a later round", {
            submissionId,
            sandbox:
              error instanceof SandboxUnavailableError || error instanceof SandboxFailedError,
            err: error,
          });
        }
        throw error;
      }
    },
    { concurrency },
  );
}
