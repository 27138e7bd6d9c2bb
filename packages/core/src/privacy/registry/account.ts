import {
  accounts,
  apiKeys,
  authThrottles,
  dataExports,
  emailPreferences,
  emailSends,
  idempotencyKeys,
  notifications,
  rateLimits,
  sessions,
  users,
  verifications,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import type { RegistryEntry } from "../types";

/** The account itself, its credentials and what it configured (keys, webhooks, email). */
export const accountEntries: RegistryEntry[] = [
  {
    table: users,
    export: {
      area: "profile",
      select: (db, userId) => db.select().from(users).where(eq(users.id, userId)),
    },
    erase: {
      anonymise: ["name", "email", "emailVerified", "image", "role", "timeZone", "locale"],
      reason:
        'the row becomes the tombstone ("Deleted user", an address made of the retirement id) that the rows kept and the retirement hang on; nothing personal stays in it, and its credentials are gone',
    },
  },
  {
    table: sessions,
    export: {
      area: "profile",
      // Never the token: it would sign in as the user.
      select: (db, userId) =>
        db
          .select({
            id: sessions.id,
            createdAt: sessions.createdAt,
            expiresAt: sessions.expiresAt,
            ipAddress: sessions.ipAddress,
            userAgent: sessions.userAgent,
          })
          .from(sessions)
          .where(eq(sessions.userId, userId)),
    },
    erase: { delete: "signs the user out everywhere" },
  },
  {
    table: accounts,
    export: {
      area: "profile",
      // The provider link only; the password hash and OAuth tokens are credentials, not data.
      select: (db, userId) =>
        db
          .select({
            providerId: accounts.providerId,
            createdAt: accounts.createdAt,
            updatedAt: accounts.updatedAt,
          })
          .from(accounts)
          .where(eq(accounts.userId, userId)),
    },
    erase: { delete: "credentials of an account that no longer exists" },
  },
  {
    table: verifications,
    export: {
      exempt: "short-lived sign-up and reset tokens keyed by email, not by user; they expire",
    },
    erase: { delete: "rows whose identifier is the user's email are removed" },
  },
  {
    table: rateLimits,
    export: { exempt: "counters keyed by IP or route for abuse control, minutes long" },
    erase: { keep: "expires on its own within minutes; holds no name or email" },
  },
  {
    table: authThrottles,
    export: { exempt: "sign-in throttling counters keyed by a hash, expire on their own" },
    erase: { keep: "expires on its own; the key is a hash, not an address" },
  },
  {
    table: emailPreferences,
    export: {
      area: "email-preferences",
      select: (db, userId) =>
        db
          .select({
            kind: emailPreferences.kind,
            delivery: emailPreferences.delivery,
            updatedAt: emailPreferences.updatedAt,
          })
          .from(emailPreferences)
          .where(eq(emailPreferences.userId, userId)),
    },
    erase: {
      delete:
        "choices of an account that no longer exists; no suppression entry is kept (it would keep the address), and the tombstone has no address to mail",
    },
  },
  {
    table: emailSends,
    export: {
      area: "notifications",
      select: (db, userId) =>
        db
          .select({
            id: emailSends.id,
            notificationId: emailSends.notificationId,
            digestDay: emailSends.digestDay,
            status: emailSends.status,
            sentAt: emailSends.sentAt,
            createdAt: emailSends.createdAt,
          })
          .from(emailSends)
          .where(eq(emailSends.userId, userId)),
    },
    erase: { delete: "the record of mail sent to an address that is gone" },
  },
  {
    table: notifications,
    export: {
      area: "notifications",
      select: (db, userId) =>
        db
          .select({
            id: notifications.id,
            kind: notifications.kind,
            title: notifications.title,
            body: notifications.body,
            link: notifications.link,
            createdAt: notifications.createdAt,
            readAt: notifications.readAt,
          })
          .from(notifications)
          .where(eq(notifications.userId, userId)),
    },
    erase: { delete: "only the user ever sees them" },
  },
  {
    table: apiKeys,
    export: {
      area: "api-keys",
      // Metadata only: the SHA-256 of the secret is never exported.
      select: (db, userId) =>
        db
          .select({
            id: apiKeys.id,
            name: apiKeys.name,
            prefix: apiKeys.prefix,
            scope: apiKeys.scope,
            createdAt: apiKeys.createdAt,
            expiresAt: apiKeys.expiresAt,
            revokedAt: apiKeys.revokedAt,
            lastUsedAt: apiKeys.lastUsedAt,
          })
          .from(apiKeys)
          .where(eq(apiKeys.userId, userId)),
    },
    erase: { delete: "a deleted account's keys must stop working at once" },
  },
  {
    table: idempotencyKeys,
    export: { exempt: "replay cache of API responses, 24 hours; the responses are exported data" },
    erase: { delete: "cached responses may hold personal data" },
  },
  {
    table: webhookEndpoints,
    export: {
      area: "webhooks",
      // Never the signing secret.
      select: (db, userId) =>
        db
          .select({
            id: webhookEndpoints.id,
            courseId: webhookEndpoints.courseId,
            url: webhookEndpoints.url,
            description: webhookEndpoints.description,
            events: webhookEndpoints.events,
            enabled: webhookEndpoints.enabled,
            disabledReason: webhookEndpoints.disabledReason,
            createdAt: webhookEndpoints.createdAt,
            updatedAt: webhookEndpoints.updatedAt,
          })
          .from(webhookEndpoints)
          .where(eq(webhookEndpoints.userId, userId)),
    },
    erase: { delete: "no more events may leave for a deleted account" },
  },
  {
    table: webhookDeliveries,
    export: {
      exempt:
        "delivery log of the user's endpoints: events about course learners (other people) for course endpoints; the endpoints themselves are exported",
    },
    erase: { delete: "cascades with the endpoints" },
  },
  {
    table: webhookAttempts,
    export: { exempt: "per-attempt HTTP status log of deliveries, operational only" },
    erase: { delete: "cascades with the deliveries" },
  },
  {
    table: dataExports,
    export: {
      area: "exports",
      select: (db, userId) =>
        db
          .select({
            id: dataExports.id,
            status: dataExports.status,
            requestedAt: dataExports.requestedAt,
            completedAt: dataExports.completedAt,
          })
          .from(dataExports)
          .where(eq(dataExports.userId, userId)),
    },
    erase: { delete: "the exports and their files are removed with the account" },
  },
];
