import { closeReviewWindow, secondsUntil } from "@lumen/core/assignment";
import type { Database } from "@lumen/db";
import { closeReviewJob, handleJob, type Outbox } from "@lumen/jobs";
import type { Logger } from "../logger";

/**
 * Serves assignments.close-review at a submission's review deadline (closeReviewWindow,
 * @lumen/core/assignment). A deadline that moved later since the job was queued gets a job
 * of its own for then, so the window is closed exactly when it now ends.
 */
export function closeReviewHandler({
  db,
  outbox,
  logger,
}: {
  db: Database;
  outbox: Outbox;
  logger: Pick<Logger, "info">;
}) {
  return handleJob(closeReviewJob, async ({ submissionId }) => {
    const result = await closeReviewWindow({ db, outbox, submissionId });
    if (result.outcome === "not_yet") {
      const startAfter = secondsUntil(result.deadline, new Date());
      await db.transaction((tx) =>
        outbox.enqueue(tx, closeReviewJob, { submissionId }, { startAfter }),
      );
    }
    logger.info("review window closed", { submissionId, outcome: result.outcome });
  });
}
