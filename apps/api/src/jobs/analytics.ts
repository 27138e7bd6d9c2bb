import { runAnalyticsRollup } from "@lumen/core/analytics";
import type { Database } from "@lumen/db";
import { analyticsRollupJob, handleJob } from "@lumen/jobs";
import type { Logger } from "../logger";

/**
 * analytics.rollup: brings the dashboard's rollups up to the horizon read at its start
 * (ADR 0024). One at a time per runner; runs on other runners wait on the rollup's own lock.
 */
export function analyticsRollupHandler({
  db,
  logger,
}: {
  db: Database;
  logger: Pick<Logger, "info">;
}) {
  return handleJob(
    analyticsRollupJob,
    async () => {
      const result = await runAnalyticsRollup({ db });
      if (result.events + result.attempts + result.enrollments > 0) {
        logger.info("analytics rolled up", { ...result });
      }
    },
    { concurrency: 1 },
  );
}
