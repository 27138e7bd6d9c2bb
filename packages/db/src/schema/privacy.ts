import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

/** requested → running → ready (→ expired after 7 days) | failed. */
export const dataExportStatus = pgEnum("data_export_status", [
  "requested",
  "running",
  "ready",
  "failed",
  "expired",
]);
export type DataExportStatus = (typeof dataExportStatus.enumValues)[number];

/**
 * A user's self-service data export (GDPR Art. 15/20): a ZIP the `privacy.export` job writes
 * to media storage as `exports/<id>.zip`. One pending (requested or running) per user, enforced
 * here so two racing requests cannot both enqueue.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: dataExportStatus().notNull().default("requested"),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    sizeBytes: bigint({ mode: "number" }),
    /** A short reason for the user, never a stack trace or SQL. */
    error: text(),
  },
  (t) => [
    index("data_exports_user_id_requested_at_idx").on(t.userId, t.requestedAt.desc()),
    uniqueIndex("data_exports_user_id_pending_idx")
      .on(t.userId)
      .where(sql`${t.status} in ('requested', 'running')`),
  ],
);

/**
 * pending (the grace period: the holder may cancel) → running (the retirement job, past
 * scheduledFor) → completed; or pending → cancelled. Nothing goes back to pending.
 */
export const accountRetirementState = pgEnum("account_retirement_state", [
  "pending",
  "cancelled",
  "running",
  "completed",
]);
export type AccountRetirementState = (typeof accountRetirementState.enumValues)[number];

/**
 * A user's account deletion (GDPR Art. 17, ADR 0027). `userId` keeps pointing at the users row,
 * which the retirement turns into a tombstone without any personal data, so it stays an opaque
 * id. `step` is the last step completed: a run resumes after it. `lastError` holds an error's
 * name (or a storage status), never a message that could quote personal data.
 */
export const accountRetirements = pgTable(
  "account_retirements",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    state: accountRetirementState().notNull().default("pending"),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    scheduledFor: timestamp({ withTimezone: true }).notNull(),
    cancelledAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    step: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("account_retirements_state_scheduled_for_idx").on(t.state, t.scheduledFor),
    index("account_retirements_user_id_idx").on(t.userId),
    uniqueIndex("account_retirements_user_id_open_idx")
      .on(t.userId)
      .where(sql`${t.state} in ('pending', 'running')`),
  ],
);

export const privacyAuditKind = pgEnum("privacy_audit_kind", [
  "deletion_requested",
  "deletion_cancelled",
  "retirement_started",
  "retirement_completed",
  "export_downloaded",
]);
export type PrivacyAuditKind = (typeof privacyAuditKind.enumValues)[number];

/**
 * What happened to retirements and data exports, when and on whose behalf (a role, never a
 * name or address): the record that deletions were asked for and carried out, and that an
 * export was downloaded, which outlives the data. Each event names one subject: a retirement
 * or an export. `exportId` has no foreign key on purpose: the export row goes with the account,
 * the event stays (as an id that then points at nothing).
 */
export const privacyAuditLog = pgTable(
  "privacy_audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: privacyAuditKind().notNull(),
    retirementId: uuid().references(() => accountRetirements.id, { onDelete: "restrict" }),
    exportId: uuid(),
    /** `holder` (the account's owner), `system` (the job), `admin`, or `link` (a signed link's bearer). */
    actorRole: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("privacy_audit_log_retirement_id_idx").on(t.retirementId, t.at),
    check(
      "privacy_audit_log_one_subject",
      sql`(${t.retirementId} is null) <> (${t.exportId} is null)`,
    ),
  ],
);

/**
 * Consents a user gave for an optional purpose (GDPR Art. 7), under a version of the policy
 * that described it; withdrawing closes the row, a new grant opens another, so the history
 * stays. None are asked for today (only strictly necessary cookies exist). `purpose` is checked
 * text, not an enum: purposes are declared by the feature that first asks, and one retired
 * later keeps its rows valid. One open consent per (user, purpose).
 */
export const consents = pgTable(
  "consents",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text().notNull(),
    policyVersion: text().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("consents_user_id_granted_at_idx").on(t.userId, t.grantedAt),
    uniqueIndex("consents_user_id_purpose_open_idx")
      .on(t.userId, t.purpose)
      .where(sql`${t.withdrawnAt} is null`),
    check("consents_purpose_slug", sql`${t.purpose} ~ '^[a-z][a-z0-9_]{1,47}$'`),
    check("consents_policy_version_length", sql`length(${t.policyVersion}) between 1 and 40`),
    check(
      "consents_withdrawn_after_granted",
      sql`${t.withdrawnAt} is null or ${t.withdrawnAt} >= ${t.grantedAt}`,
    ),
  ],
);
