import { dataExports } from "@lumen/db";
import type { MediaStore } from "@lumen/media";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Database, NotFoundError } from "../kernel";
import { downloadOf, type ExportDownload } from "./download";
import { type ExportLinkQuery, isExportLinkSigned, signExportLink } from "./link";
import { EXPORT_NOT_FOUND } from "./view";

export type SignedExportDownload =
  | ExportDownload
  | { kind: "bad-signature" }
  | { kind: "link-expired" };

/**
 * The archive a signed link names, with no session: the link is the authority. The signature
 * is checked (in constant time) before the expiry, so an altered expiry is a bad signature, not
 * an expired link. An unknown (or deleted) export is the 404 of the session route.
 */
export async function openSignedExportDownload({
  db,
  store,
  secret,
  exportId,
  link,
  now = new Date(),
}: {
  db: Database;
  store: MediaStore;
  secret: string;
  exportId: string;
  link: ExportLinkQuery;
  now?: Date;
}): Promise<SignedExportDownload> {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
  if (!row) throw new NotFoundError(EXPORT_NOT_FOUND);
  if (!isExportLinkSigned(secret, row, link)) return { kind: "bad-signature" };
  if (link.expires * 1000 <= now.getTime()) return { kind: "link-expired" };
  return downloadOf({ db, store, row, channel: "link", now });
}

/**
 * For the email composer: the absolute signed link of the export a `privacy_export`
 * notification announces (its dedupe key names the export), signed when the email is sent, or
 * null when there is nothing to download any more (then the email links the privacy page).
 */
export function exportEmailLinks({
  db,
  secret,
  apiUrl,
  now = () => new Date(),
}: {
  db: Database;
  secret: string;
  apiUrl: string;
  now?: () => Date;
}) {
  return async (n: { kind: string; userId: string; dedupeKey: string }) => {
    const exportId = exportIdOfNotification(n);
    if (!exportId) return null;
    const [row] = await db
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.id, exportId), eq(dataExports.userId, n.userId)));
    const at = now();
    if (row?.status !== "ready" || !row.expiresAt || row.expiresAt <= at) return null;
    const link = signExportLink({
      secret,
      exportId: row.id,
      userId: row.userId,
      archiveExpiresAt: row.expiresAt,
      now: at,
    });
    return `${apiUrl}${link.path}`;
  };
}

const UUID = z.uuid();

/** The dedupe key runExport gives the ready notification: `privacy_export:<export id>`. */
export const exportNotificationKey = (exportId: string) => `privacy_export:${exportId}`;

function exportIdOfNotification(n: { kind: string; dedupeKey: string }): string | null {
  if (n.kind !== "privacy_export") return null;
  const id = UUID.safeParse(n.dedupeKey.slice("privacy_export:".length));
  return n.dedupeKey.startsWith("privacy_export:") && id.success ? id.data : null;
}
