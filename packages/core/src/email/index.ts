/**
 * Email for notifications: per-kind preferences (off / instant / daily digest), the outbox
 * written with each notification, sending at most once, daily digests in the user's time
 * zone, and signed one-click unsubscribe links (ADR 0022).
 */
export { preferredLocale } from "../i18n";
export { type AccountEmail, accountEmail } from "./account";
export { queueDailyDigests } from "./digest";
export {
  canonicalLocale,
  type EmailSettingsInput,
  emailSettingsInput,
  localeInput,
  type ResubscribeInput,
  resubscribeInput,
  timeZoneInput,
  unsubscribeInput,
} from "./inputs";
export {
  DEFAULT_DELIVERY,
  type EmailSettings,
  getEmailSettings,
  NOTIFICATION_KINDS,
  type NotificationKindName,
  updateEmailSettings,
} from "./preferences";
export { queueNotificationEmails } from "./queue";
export {
  type EmailMessage,
  type EmailTransport,
  type SendEmailsDeps,
  type SendReport,
  sendDueEmails,
} from "./send";
export type { RenderedEmail } from "./templates";
export {
  resubscribe,
  type UnsubscribeResult,
  type UnsubscribeScope,
  unsubscribe,
  unsubscribeToken,
} from "./unsubscribe";
