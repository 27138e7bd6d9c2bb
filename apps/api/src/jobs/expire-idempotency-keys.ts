import type { Database } from "@lumen/db";
import { expireIdempotencyKeysJob, handleJob } from "@lumen/jobs";
import type { Logger } from "../logger";
import { deleteExpiredKeys } from "../v1/idempotency-store";

/**
 * idempotency.expire: deletes the /api/v1 Idempotency-Key rows past their expiry (the
 * middleware already ignores them; this reclaims the space), in bounded batches.
 */
export function expireIdempotencyKeysHandler({
  db,
  logger,
  now = () => new Date(),
}: {
  db: Database;
  logger: Pick<Logger, "info">;
  now?: () => Date;
}) {
  return handleJob(
    expireIdempotencyKeysJob,
    async () => {
      const deleted = await deleteExpiredKeys(db, { at: now() });
      if (deleted > 0) logger.info("expired idempotency keys deleted", { deleted });
    },
    { concurrency: 1 },
  );
}
