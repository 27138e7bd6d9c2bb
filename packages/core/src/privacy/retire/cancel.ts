import { accountRetirements } from "@lumen/db";
import { and, desc, eq, gt } from "drizzle-orm";
import { ConflictError, type Database, type SessionUser } from "../../kernel";
import { audit } from "./audit";
import { type AccountDeletionView, toDeletionView } from "./view";

/**
 * Cancels the caller's pending deletion, during the grace period only: once it is due the
 * retirement may already have started erasing, and that cannot be undone (Conflict). Signing in
 * during the grace period is allowed; it does not cancel by itself (the page asks).
 */
export async function cancelAccountDeletion({
  db,
  user,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  now?: Date;
}): Promise<AccountDeletionView> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(accountRetirements)
      .set({ state: "cancelled", cancelledAt: now, updatedAt: now })
      .where(
        and(
          eq(accountRetirements.userId, user.id),
          eq(accountRetirements.state, "pending"),
          gt(accountRetirements.scheduledFor, now),
        ),
      )
      .returning();
    if (!row) throw new ConflictError("There is no pending deletion of your account to cancel.");
    await audit(tx, "deletion_cancelled", row.id, "holder", now);
    return toDeletionView(row);
  });
}

/** The caller's latest deletion request (pending, or how the last one ended), or null. */
export async function myAccountDeletion({
  db,
  user,
}: {
  db: Database;
  user: SessionUser;
}): Promise<AccountDeletionView | null> {
  const [row] = await db
    .select()
    .from(accountRetirements)
    .where(eq(accountRetirements.userId, user.id))
    .orderBy(desc(accountRetirements.requestedAt))
    .limit(1);
  return row ? toDeletionView(row) : null;
}
