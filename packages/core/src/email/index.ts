/**
 * Email for notifications: per-kind preferences (off / instant / daily digest), the outbox
 * written with each notification, sending at most once, daily digests in the user's time
 * zone, and signed one-click unsubscribe links (ADR 0022).
 */
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
export {
  resubscribe,
  type UnsubscribeResult,
  type UnsubscribeScope,
  unsubscribe,
  unsubscribeToken,
} from "./unsubscribe";
