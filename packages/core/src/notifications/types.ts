export interface NotificationItem {
  id: string;
  kind: "milestone" | "certificate";
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
