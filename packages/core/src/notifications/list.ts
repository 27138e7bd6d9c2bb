import { type Database, notifications } from "@lumen/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type SessionUser, ValidationError } from "../kernel";
import type { ListNotificationsInput } from "./inputs";
import type { NotificationPage } from "./types";
import { countUnread } from "./unread-count";

/** The cursor is the id of the last item seen: exact even when timestamps tie. */
const cursorId = z.uuid();

/** The caller's notifications, newest first, a page at a time, with the unread count. */
export async function listNotifications({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: ListNotificationsInput;
}): Promise<NotificationPage> {
  let after: ReturnType<typeof sql> | undefined;
  if (input.cursor) {
    const parsed = cursorId.safeParse(input.cursor);
    if (!parsed.success) throw new ValidationError("That page cursor is not valid.");
    // Compared in Postgres so the timestamp keeps its microseconds.
    after = sql`(${notifications.createdAt}, ${notifications.id}) < (
      select n.created_at, n.id from ${notifications} n
      where n.id = ${parsed.data} and n.user_id = ${user.id})`;
  }
  const [rows, { unread }] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), after))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.limit + 1),
    countUnread({ db, user }),
  ]);
  const items = rows.slice(0, input.limit);
  return {
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    unread,
    nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null,
  };
}
