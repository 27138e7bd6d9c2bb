import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses } from "./catalog";

/**
 * The public REST API v1 (ADR 0025): personal API keys, stored Idempotency-Key responses,
 * and signed webhooks with their delivery log.
 */

/** What a key may do: `read` calls GET endpoints only, `write` calls every endpoint. */
export const apiKeyScope = pgEnum("api_key_scope", ["read", "write"]);

/**
 * A personal API key. The secret is shown once at creation and stored only as its SHA-256
 * (a 256-bit random token needs no slow hash); `prefix` is the token's public start, shown in
 * lists so people can tell their keys apart.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** The token's first characters ("lmn_" and 8 more), never enough to use it. */
    prefix: text().notNull(),
    /** Hex SHA-256 of the whole token. */
    secretHash: text().notNull(),
    scope: apiKeyScope().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null: never expires. */
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    /** Updated at most once a minute per key, so a busy key does not write on every call. */
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_keys_secret_hash_unique").on(t.secretHash),
    index("api_keys_user_id_created_at_idx").on(t.userId, t.createdAt.desc()),
  ],
);

export const idempotencyState = pgEnum("idempotency_state", ["running", "done"]);

/**
 * One `Idempotency-Key` a caller sent with a POST or PUT, scoped to the caller: the first
 * request claims the row (`running`), its response is stored (`done`) and replayed to a
 * retry with the same body for 24 h. `lockedUntil` lets a retry take over a claim whose
 * process died before answering.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    /** Hex SHA-256 of method, path and the raw body. */
    requestHash: text().notNull(),
    state: idempotencyState().notNull().default("running"),
    responseStatus: integer(),
    /** The stored response body, as sent (JSON text). */
    responseBody: text(),
    /** Response headers worth replaying (Location, Content-Type). */
    responseHeaders: jsonb().$type<Record<string, string>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index("idempotency_keys_expires_at_idx").on(t.expiresAt),
  ],
);

/** Everything a webhook endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  "enrollment.created",
  "lesson.completed",
  "course.completed",
  "certificate.issued",
  "certificate.revoked",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** A test send from the endpoint's page ("Send test event"): never subscribed to, always sent. */
export const WEBHOOK_TEST_EVENT = "webhook.test";
/** What a delivery carries: a subscribable event or the test event. */
export type WebhookDeliveryType = WebhookEventType | typeof WEBHOOK_TEST_EVENT;

/**
 * Where events are sent. An endpoint belongs to a user; with `courseId` it is a course's
 * endpoint (registered by one of its instructors) and receives that course's events about
 * every learner, without it the owner's own events. Disabled after repeated failures.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid().references(() => courses.id, { onDelete: "cascade" }),
    url: text().notNull(),
    description: text().notNull().default(""),
    /** Standard Webhooks secret, "whsec_" + base64 of 32 random bytes; needed to sign. */
    secret: text().notNull(),
    events: text().array().$type<WebhookEventType[]>().notNull(),
    enabled: boolean().notNull().default(true),
    /** Why it was disabled (e.g. "20 consecutive failed deliveries"), null while enabled. */
    disabledReason: text(),
    /** Deliveries that failed for good in a row; reset by a success. */
    consecutiveFailures: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_endpoints_user_id_idx").on(t.userId),
    index("webhook_endpoints_course_id_idx").on(t.courseId).where(sql`${t.courseId} is not null`),
  ],
);

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", [
  "pending",
  "succeeded",
  "failed",
]);

/**
 * One event sent to one endpoint: the message (its id is the Standard Webhooks `webhook-id`,
 * the same on every attempt and redelivery) and where its attempts stand.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The event's id ("evt_…"), shared by every endpoint it was sent to. */
    eventId: text().notNull(),
    eventType: text().$type<WebhookDeliveryType>().notNull(),
    /** The JSON body sent, exactly: {type, timestamp, data}. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
    lastStatusCode: integer(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_id_event_id_unique").on(t.endpointId, t.eventId),
    index("webhook_deliveries_endpoint_id_created_at_idx").on(t.endpointId, t.createdAt.desc()),
  ],
);

/** Every attempt of a delivery, for the log: status code or error, and how long it took. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attempt: integer().notNull(),
    /** True for a manual redelivery from the log. */
    manual: boolean().notNull().default(false),
    statusCode: integer(),
    error: text(),
    /** The start of the receiver's answer, for the log (at most 1 KiB). */
    responseExcerpt: text(),
    durationMs: integer().notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_attempts_delivery_id_idx").on(t.deliveryId, t.attemptedAt)],
);
