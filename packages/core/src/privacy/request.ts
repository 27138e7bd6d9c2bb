import { dataExports } from "@lumen/db";
import { type Outbox, privacyExportJob } from "@lumen/jobs";
import { and, desc, eq, inArray } from "drizzle-orm";
import { ConflictError, type Database, type SessionUser } from "../kernel";
import { type DataExportView, toExportView } from "./view";

const PENDING = ["requested", "running"] as const;
const ONE_PENDING = "An export is already being prepared; it will be ready soon.";

/**
 * Asks for a new export of the caller's data, enqueued with the row in one transaction. One
 * pending export per user: a second request while one is requested or running is a conflict
 * (the partial unique index decides a race).
 */
export async function requestExport({
  db,
  user,
  outbox,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  now?: Date;
}): Promise<DataExportView> {
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: dataExports.id })
      .from(dataExports)
      .where(and(eq(dataExports.userId, user.id), inArray(dataExports.status, [...PENDING])));
    if (pending) throw new ConflictError(ONE_PENDING);
    const [row] = await tx
      .insert(dataExports)
      .values({ userId: user.id, requestedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ConflictError(ONE_PENDING);
    await outbox.enqueue(tx, privacyExportJob, { exportId: row.id });
    return toExportView(row, now);
  });
}

/**
 * The caller's exports, newest first (the last 20: older ones have long expired); with
 * `linkSecret`, ready ones carry a freshly signed download link.
 */
export async function listExports({
  db,
  user,
  linkSecret,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  linkSecret?: string | undefined;
  now?: Date;
}): Promise<DataExportView[]> {
  const rows = await db
    .select()
    .from(dataExports)
    .where(eq(dataExports.userId, user.id))
    .orderBy(desc(dataExports.requestedAt))
    .limit(20);
  return rows.map((row) => toExportView(row, now, linkSecret));
}
