import { type Database, notifications } from "@lumen/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { SessionUser } from "../kernel";
import type { MarkReadInput } from "./inputs";
import { countUnread } from "./unread-count";

/**
 * Marks some (or all) of the caller's notifications read. Ids that are not the caller's are
 * ignored, not reported: the answer must not tell whether someone else's id exists.
 */
export async function markNotificationsRead({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: MarkReadInput;
}): Promise<{ unread: number }> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, user.id),
        isNull(notifications.readAt),
        "ids" in input ? inArray(notifications.id, input.ids) : undefined,
      ),
    );
  return countUnread({ db, user });
}
