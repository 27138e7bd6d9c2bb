import { dataExports } from "@lumen/db";
import type { MediaStore } from "@lumen/media";
import { and, eq, inArray } from "drizzle-orm";
import { message } from "../i18n";
import type { Database } from "../kernel";
import { createNotifications } from "../notifications";
import { writeExportArchive } from "./archive";
import { exportNotificationKey } from "./signed-download";
import { EXPORT_TTL_MS } from "./view";

const FAILED = "The export could not be prepared. Please request a new one.";

export interface ExportRunLogger {
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The `privacy.export` job: writes the archive, marks the export ready for 7 days and tells
 * the user (in-app, and by email through the notification path). A rerun of a finished export
 * does nothing. A failure is thrown for the queue to retry while attempts remain; on the last
 * one it marks the export failed (the user may ask again) rather than leaving it pending
 * forever. The cause goes to the log only.
 */
export async function runExport({
  db,
  store,
  exportId,
  logger,
  finalAttempt = true,
  now = () => new Date(),
}: {
  db: Database;
  store: MediaStore;
  exportId: string;
  logger: ExportRunLogger;
  /** False while the queue will retry: then a failure is rethrown instead of recorded. */
  finalAttempt?: boolean;
  now?: () => Date;
}): Promise<"ready" | "failed" | "skipped"> {
  const [claimed] = await db
    .update(dataExports)
    .set({ status: "running" })
    .where(and(eq(dataExports.id, exportId), inArray(dataExports.status, ["requested", "running"])))
    .returning({ userId: dataExports.userId });
  if (!claimed) return "skipped";
  try {
    const { sizeBytes } = await writeExportArchive({
      db,
      store,
      userId: claimed.userId,
      exportId,
      now: now(),
    });
    const completedAt = now();
    await db.transaction(async (tx) => {
      await tx
        .update(dataExports)
        .set({
          status: "ready",
          completedAt,
          expiresAt: new Date(completedAt.getTime() + EXPORT_TTL_MS),
          sizeBytes,
          error: null,
        })
        .where(eq(dataExports.id, exportId));
      await createNotifications(tx, [
        {
          userId: claimed.userId,
          kind: "privacy_export",
          title: message("notification.privacy.export-ready.title"),
          body: message("notification.privacy.export-ready.body", {
            days: EXPORT_TTL_MS / 86_400_000,
          }),
          link: "/settings/privacy",
          dedupeKey: exportNotificationKey(exportId),
        },
      ]);
    });
    return "ready";
  } catch (error) {
    logger.error("privacy export failed", {
      exportId,
      error: error instanceof Error ? error.name : "unknown",
      // Storage errors say only which status the edge answered; others may quote SQL values.
      detail:
        error instanceof Error && error.name === "MediaStoreError" ? error.message : undefined,
      finalAttempt,
    });
    if (!finalAttempt) throw error;
    await db
      .update(dataExports)
      .set({ status: "failed", completedAt: now(), error: FAILED })
      .where(eq(dataExports.id, exportId));
    return "failed";
  }
}
