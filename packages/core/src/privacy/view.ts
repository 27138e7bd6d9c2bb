import type { dataExports } from "@lumen/db";
import { downloadPathOf, signExportLink } from "./link";

/** How long a ready export can be downloaded. */
export const EXPORT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const EXPORT_NOT_FOUND = "No such export.";

type ExportRow = typeof dataExports.$inferSelect;

export interface DataExportView
  extends Pick<
    ExportRow,
    "id" | "status" | "requestedAt" | "completedAt" | "expiresAt" | "sizeBytes" | "error"
  > {
  /**
   * The API path that streams the archive, while it can be downloaded: a signed link (works
   * without a session until `linkExpiresAt`) when the caller has the link secret, else the
   * session-only path.
   */
  downloadPath: string | null;
  linkExpiresAt: Date | null;
}

/**
 * A row as the owner sees it: a ready export past its expiry reads as expired at once. With
 * `linkSecret`, a ready export's path is a freshly signed link.
 */
export function toExportView(row: ExportRow, now: Date, linkSecret?: string): DataExportView {
  const expired = row.status === "ready" && row.expiresAt !== null && row.expiresAt <= now;
  const status = expired ? "expired" : row.status;
  return {
    id: row.id,
    status,
    requestedAt: row.requestedAt,
    completedAt: row.completedAt,
    expiresAt: row.expiresAt,
    sizeBytes: row.sizeBytes,
    error: row.error,
    ...linkOf(row, status, now, linkSecret),
  };
}

function linkOf(
  row: ExportRow,
  status: ExportRow["status"],
  now: Date,
  secret: string | undefined,
): Pick<DataExportView, "downloadPath" | "linkExpiresAt"> {
  if (status !== "ready") return { downloadPath: null, linkExpiresAt: null };
  if (secret === undefined || !row.expiresAt) {
    return { downloadPath: downloadPathOf(row.id), linkExpiresAt: null };
  }
  const link = signExportLink({
    secret,
    exportId: row.id,
    userId: row.userId,
    archiveExpiresAt: row.expiresAt,
    now,
  });
  return { downloadPath: link.path, linkExpiresAt: link.expiresAt };
}
