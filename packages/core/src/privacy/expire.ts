import { dataExports } from "@lumen/db";
import type { MediaStore } from "@lumen/media";
import { and, eq, lte } from "drizzle-orm";
import type { Database } from "../kernel";

/**
 * Marks ready exports past their expiry expired and deletes their archives (hourly job).
 * Downloads already refuse them at expiry; this reclaims storage. Marked first, so a crash
 * between the two leaves an orphan the next run cannot see — acceptable: the object is
 * unreachable, and deletion is retried for rows still `ready`.
 */
export async function expireDataExports({
  db,
  store,
  now = new Date(),
}: {
  db: Database;
  store: MediaStore;
  now?: Date;
}): Promise<number> {
  const due = await db
    .select({ id: dataExports.id })
    .from(dataExports)
    .where(and(eq(dataExports.status, "ready"), lte(dataExports.expiresAt, now)))
    .limit(500);
  for (const { id } of due) {
    await store.deleteFile({ purpose: "export", id });
    await db.update(dataExports).set({ status: "expired" }).where(eq(dataExports.id, id));
  }
  return due.length;
}
