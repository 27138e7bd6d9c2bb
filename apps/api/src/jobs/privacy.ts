import {
  enqueueDueRetirements,
  expireDataExports,
  runExport,
  runRetirement,
} from "@lumen/core/privacy";
import type { Database } from "@lumen/db";
import {
  expireDataExportsJob,
  handleJob,
  type Outbox,
  privacyExportJob,
  retireAccountJob,
  retireDueAccountsJob,
} from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import type { Logger } from "../logger";

/**
 * privacy.export: assembles a user's data export into media storage and notifies them; the
 * work is the domain verb (@lumen/core privacy), this only wires it. One at a time per runner:
 * an archive streams through a temp file, and exports are rare.
 */
export function privacyExportHandler({
  db,
  media,
  logger,
}: {
  db: Database;
  media: Pick<MediaContext, "store">;
  logger: Pick<Logger, "error" | "info">;
}) {
  return handleJob(
    privacyExportJob,
    async ({ exportId }, { finalAttempt }) => {
      const outcome = await runExport({
        db,
        store: media.store,
        exportId,
        logger,
        // Absent only when called outside the runner; the runner always says.
        finalAttempt: finalAttempt ?? true,
      });
      logger.info("privacy export finished", { exportId, outcome });
    },
    { concurrency: 1 },
  );
}

/** privacy.expire-exports: hourly, deletes archives past their 7 days and marks them expired. */
export function expireDataExportsHandler({
  db,
  media,
  logger,
}: {
  db: Database;
  media: Pick<MediaContext, "store">;
  logger: Pick<Logger, "info">;
}) {
  return handleJob(
    expireDataExportsJob,
    async () => {
      const expired = await expireDataExports({ db, store: media.store });
      if (expired > 0) logger.info("data exports expired", { expired });
    },
    { concurrency: 1 },
  );
}

/**
 * privacy.retire: one account retirement (ADR 0027), the domain's state machine. A failure is
 * rethrown so the queue retries; the run resumes after its last recorded step.
 */
export function retireAccountHandler({
  db,
  media,
  outbox,
  logger,
}: {
  db: Database;
  media: Pick<MediaContext, "store">;
  outbox: Outbox;
  logger: Pick<Logger, "info">;
}) {
  return handleJob(
    retireAccountJob,
    async ({ retirementId }) => {
      const outcome = await runRetirement({ db, store: media.store, outbox, retirementId });
      logger.info("account retirement ran", { retirementId, outcome });
    },
    { concurrency: 1 },
  );
}

/** privacy.retire-due: every 15 minutes, enqueues retirements past their grace period. */
export function retireDueAccountsHandler({
  db,
  outbox,
  logger,
}: {
  db: Database;
  outbox: Outbox;
  logger: Pick<Logger, "info">;
}) {
  return handleJob(
    retireDueAccountsJob,
    async () => {
      const due = await enqueueDueRetirements({ db, outbox });
      if (due > 0) logger.info("account retirements enqueued", { due });
    },
    { concurrency: 1 },
  );
}
