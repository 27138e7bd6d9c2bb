/** In-app notifications: written once per fact (dedupe key), listed and marked read. */

// Producers outside core (tests, tools) write a notification's text with these.
export { type LocalizedText, message, verbatim } from "../i18n";
export {
  certificateNotification,
  createNotifications,
  milestoneNotification,
  type NewNotification,
} from "./create";
export { type GradeNews, notifyGrade } from "./grade";
export {
  type ListNotificationsInput,
  listNotificationsInput,
  type MarkReadInput,
  markReadInput,
} from "./inputs";
export { listNotifications } from "./list";
export {
  type NotificationLiveEvent,
  notificationEvents,
  type TrackedNotificationEvent,
} from "./live";
export { markNotificationsRead } from "./mark-read";
export type { NotificationItem, NotificationKind, NotificationPage } from "./types";
export { countUnread } from "./unread-count";
