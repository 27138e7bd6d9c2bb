import { dataExports, privacyAuditLog } from "@lumen/db";
import type { MediaStore, StoredObject } from "@lumen/media";
import { and, eq } from "drizzle-orm";
import { type Database, NotFoundError, type SessionUser } from "../kernel";
import { EXPORT_NOT_FOUND } from "./view";

export type ExportDownload =
  | { kind: "ready"; archive: StoredObject; filename: string }
  | { kind: "expired" }
  | { kind: "not-ready" }
  | { kind: "failed" };

type ExportRow = typeof dataExports.$inferSelect;

/** How the archive was reached, as the audit log records it: never who, only which way. */
export type DownloadChannel = "holder" | "link";

/**
 * The archive of one of the caller's exports. Someone else's export is the 404 of an unknown
 * id, so ids cannot be probed; past its 7 days it is gone (the caller maps that to 410).
 */
export async function openExportDownload({
  db,
  store,
  user,
  exportId,
  now = new Date(),
}: {
  db: Database;
  store: MediaStore;
  user: SessionUser;
  exportId: string;
  now?: Date;
}): Promise<ExportDownload> {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, exportId), eq(dataExports.userId, user.id)));
  if (!row) throw new NotFoundError(EXPORT_NOT_FOUND);
  return downloadOf({ db, store, row, channel: "holder", now });
}

/**
 * The archive of an export row whose access is already settled, recorded in the privacy audit
 * log once it is about to be served (the export id, the channel and the time: no person).
 */
export async function downloadOf({
  db,
  store,
  row,
  channel,
  now,
}: {
  db: Database;
  store: MediaStore;
  row: ExportRow;
  channel: DownloadChannel;
  now: Date;
}): Promise<ExportDownload> {
  if (row.status === "expired" || (row.expiresAt && row.expiresAt <= now)) {
    return { kind: "expired" };
  }
  if (row.status === "failed") return { kind: "failed" };
  if (row.status !== "ready") return { kind: "not-ready" };
  const archive = await store.getFile({ purpose: "export", id: row.id });
  if (!archive) return { kind: "expired" };
  try {
    await db
      .insert(privacyAuditLog)
      .values({ kind: "export_downloaded", exportId: row.id, actorRole: channel, at: now });
  } catch (error) {
    await archive.body.cancel();
    throw error;
  }
  const day = (row.completedAt ?? row.requestedAt).toISOString().slice(0, 10);
  return { kind: "ready", archive, filename: `lumen-export-${day}.zip` };
}
