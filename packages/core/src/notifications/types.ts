import type { notifications } from "@lumen/db";

/** Every kind of notification (the database enum is the one list). */
export type NotificationKind = (typeof notifications.$inferSelect)["kind"];

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  unread: number;
  /** Pass back as `cursor` for older items; null at the end. */
  nextCursor: string | null;
}
