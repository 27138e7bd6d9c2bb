import { type Database, notifications } from "@lumen/db";
import { and, count, eq, isNull } from "drizzle-orm";
import type { SessionUser } from "../kernel";

/** How many of the caller's notifications are unread (the bell's badge). */
export async function countUnread({
  db,
  user,
}: {
  db: Database;
  user: SessionUser;
}): Promise<{ unread: number }> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
  return { unread: Number(row?.unread ?? 0) };
}
