import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { notificationKind, notifications } from "./notification";

/** How a user wants email for one kind of notification. */
export const emailDelivery = pgEnum("email_delivery", ["off", "instant", "daily"]);
export type EmailDelivery = (typeof emailDelivery.enumValues)[number];

/**
 * A user's email choice per notification kind. No row: the kind's default (core/email), so
 * changing a default reaches everyone who never chose.
 */
export const emailPreferences = pgTable(
  "email_preferences",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    delivery: emailDelivery().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * queued → sending → sent; skipped (nothing to send, or the user may not get mail); failed
 * (retries used up, or a send interrupted mid-way that is never repeated: at most once).
 */
export const emailSendStatus = pgEnum("email_send_status", [
  "queued",
  "sending",
  "sent",
  "skipped",
  "failed",
]);

/**
 * The email outbox and its record of sends: one row per notification mailed at once, or per
 * user and local day for a digest. The unique keys are what make a mail go out once.
 */
export const emailSends = pgTable(
  "email_sends",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    notificationId: uuid().references(() => notifications.id, { onDelete: "cascade" }),
    /** The user's local calendar day a digest covers. */
    digestDay: date({ mode: "string" }),
    status: emailSendStatus().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    /** Why the last attempt did not send: a short reason, never an address or a body. */
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("email_sends_notification_id_unique").on(t.notificationId),
    unique("email_sends_user_id_digest_day_unique").on(t.userId, t.digestDay),
    index("email_sends_status_next_attempt_at_idx").on(t.status, t.nextAttemptAt),
    check(
      "email_sends_one_subject",
      sql`(${t.notificationId} is null) <> (${t.digestDay} is null)`,
    ),
  ],
);
