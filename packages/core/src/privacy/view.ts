import type { dataExports } from "@lumen/db";

/** How long a ready export can be downloaded. */
export const EXPORT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const EXPORT_NOT_FOUND = "No such export.";

type ExportRow = typeof dataExports.$inferSelect;

export interface DataExportView
  extends Pick<
    ExportRow,
    "id" | "status" | "requestedAt" | "completedAt" | "expiresAt" | "sizeBytes" | "error"
  > {
  /** The API path that streams the archive, while it can be downloaded. */
  downloadPath: string | null;
}

/** A row as the owner sees it: a ready export past its expiry reads as expired at once. */
export function toExportView(row: ExportRow, now: Date): DataExportView {
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
    downloadPath: status === "ready" ? `/api/privacy/exports/${row.id}/download` : null,
  };
}
