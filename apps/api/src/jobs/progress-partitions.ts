import { dropExpiredEventPartitions, ensureEventPartitions } from "@lumen/core/progress";
import type { Database } from "@lumen/db";
import { handleJob, progressPartitionsJob } from "@lumen/jobs";
import type { Logger } from "../logger";

/**
 * progress.partitions: creates the event log's coming months and drops the months past
 * PROGRESS_EVENTS_RETENTION_MONTHS that the dashboard rollup has applied (ADR 0029).
 */
export function progressPartitionsHandler({
  db,
  env,
  logger,
  now = () => new Date(),
}: {
  db: Database;
  env: { PROGRESS_EVENTS_RETENTION_MONTHS: number };
  logger: Pick<Logger, "info">;
  now?: () => Date;
}) {
  return handleJob(
    progressPartitionsJob,
    async () => {
      const at = now();
      const created = await ensureEventPartitions(db, { now: at });
      const retention = await dropExpiredEventPartitions(db, {
        retentionMonths: env.PROGRESS_EVENTS_RETENTION_MONTHS,
        now: at,
      });
      if (created.length + retention.dropped.length + retention.waitingForRollup.length > 0) {
        logger.info("progress event partitions maintained", { created, ...retention });
      }
    },
    { concurrency: 1 },
  );
}
